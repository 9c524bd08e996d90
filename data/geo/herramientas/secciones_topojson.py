# How data/fixtures/catalogo-aguascalientes/secciones.topojson was made (see data/geo/PROCEDENCIA.md):
#   python3 secciones_topojson.py <dir with SECCION.shp and SECCION.DBF> <out.topojson> [tolerance metres, 20]
# INE's BGD layer SECCION (Aguascalientes, UTM zone 13N) -> the secciones of five municipios as TopoJSON:
# shared borders become one arc (junctions = vertices with more than two distinct neighbours), each arc is
# simplified once (Douglas-Peucker in metres, endpoints kept) and projected back to lon/lat, quantized to 1e-5 deg.
import struct, math, json, sys
ENTRADA, SALIDA = sys.argv[1], sys.argv[2]
SEL_MUN = {4, 6, 7, 8, 9}  # Cosio, Pabellon de Arteaga, Rincon de Romos, San Jose de Gracia, Tepezala = distritos locales 1 y 3
TOL_M = float(sys.argv[3]) if len(sys.argv) > 3 else 20.0
Q = 1e-5  # degrees per quantum

from dbf import dbf

def shp(p):
    d = open(p, 'rb').read(); pos = 100; out = []
    while pos < len(d):
        num, clen = struct.unpack('>ii', d[pos:pos+8]); pos += 8
        rec = d[pos:pos+clen*2]; pos += clen*2
        t = struct.unpack('<i', rec[:4])[0]
        if t == 0: out.append([]); continue
        assert t in (5, 15), t
        nparts, npts = struct.unpack('<ii', rec[36:44])
        parts = list(struct.unpack('<%di' % nparts, rec[44:44+4*nparts]))
        o = 44 + 4*nparts
        pts = [struct.unpack('<2d', rec[o+16*k:o+16*k+16]) for k in range(npts)]
        parts.append(npts)
        out.append([pts[parts[j]:parts[j+1]] for j in range(nparts)])
    return out

# Inverse transverse Mercator (Snyder), WGS84, zone 13N
a = 6378137.0; f = 1/298.257223563; e2 = f*(2-f); k0 = 0.9996; lon0 = math.radians(-105)
ep2 = e2/(1-e2); e1 = (1-math.sqrt(1-e2))/(1+math.sqrt(1-e2))
def utm_inv(x, y):
    x -= 500000.0
    M = y/k0; mu = M/(a*(1-e2/4-3*e2**2/64-5*e2**3/256))
    p1 = mu + (3*e1/2-27*e1**3/32)*math.sin(2*mu) + (21*e1**2/16-55*e1**4/32)*math.sin(4*mu) + (151*e1**3/96)*math.sin(6*mu) + (1097*e1**4/512)*math.sin(8*mu)
    C1 = ep2*math.cos(p1)**2; T1 = math.tan(p1)**2; N1 = a/math.sqrt(1-e2*math.sin(p1)**2)
    R1 = a*(1-e2)/(1-e2*math.sin(p1)**2)**1.5; D = x/(N1*k0)
    lat = p1 - (N1*math.tan(p1)/R1)*(D**2/2-(5+3*T1+10*C1-4*C1**2-9*ep2)*D**4/24+(61+90*T1+298*C1+45*T1**2-252*ep2-3*C1**2)*D**6/720)
    lon = lon0 + (D-(1+2*T1+C1)*D**3/6+(5-2*C1+28*T1-3*C1**2+8*ep2+24*T1**2)*D**5/120)/math.cos(p1)
    return math.degrees(lon), math.degrees(lat)

rows = dbf(f'{ENTRADA}/SECCION.DBF'); geoms = shp(f'{ENTRADA}/SECCION.shp')
assert len(rows) == len(geoms)
sel = [(r, g) for r, g in zip(rows, geoms) if int(r['MUNICIPIO']) in SEL_MUN]
# Work on the UTM grid rounded to 1 m (shared vertices are exactly shared in the source).
def ring_q(pts):
    out = []
    for x, y in pts:
        p = (round(x), round(y))
        if not out or out[-1] != p: out.append(p)
    if len(out) > 1 and out[0] == out[-1]: out.pop()
    return out
def signed_area(r):
    return sum(r[i][0]*r[(i+1) % len(r)][1] - r[(i+1) % len(r)][0]*r[i][1] for i in range(len(r)))/2
feats = []
for r, parts in sel:
    rings = [ring_q(p) for p in parts]
    rings = [x for x in rings if len(x) >= 3]
    polys = []
    for x in rings:
        if signed_area(x) < 0 or not polys: polys.append([x])  # clockwise = outer in shapefiles
        else: polys[-1].append(x)
    feats.append((r, polys))
# junctions
nb = {}
for _, polys in feats:
    for poly in polys:
        for x in poly:
            n = len(x)
            for i, v in enumerate(x):
                s = nb.setdefault(v, set()); s.add(x[i-1]); s.add(x[(i+1) % n])
junction = {v for v, s in nb.items() if len(s) > 2}
arcs = []; index = {}
def add_arc(pts):
    k = tuple(pts)
    if k in index: return index[k]
    kr = tuple(reversed(pts))
    if kr in index: return ~index[kr]
    index[k] = len(arcs); arcs.append(list(pts)); return index[k]
def ring_arcs(x):
    js = [i for i, v in enumerate(x) if v in junction]
    if not js:
        m = x.index(min(x)); y = x[m:] + x[:m]
        # canonical direction is irrelevant for single-ring arcs shared by two identical rings (rare): try both
        return [add_arc(y + [y[0]])]
    y = x[js[0]:] + x[:js[0]] + [x[js[0]]]
    out = []; start = 0
    for i in range(1, len(y)):
        if y[i] in junction:
            out.append(add_arc(y[start:i+1])); start = i
    return out
tg = []
for r, polys in feats:
    ps = [[ring_arcs(x) for x in poly] for poly in polys]
    props = {'SECCION': int(r['SECCION']), 'MUNICIPIO': int(r['MUNICIPIO']), 'DISTRITO_L': int(r['DISTRITO_L']), 'DISTRITO': int(r['DISTRITO']), 'ENTIDAD': int(r['ENTIDAD'])}
    g = {'type': 'Polygon', 'arcs': ps[0]} if len(ps) == 1 else {'type': 'MultiPolygon', 'arcs': ps}
    g['properties'] = props; tg.append(g)
# Douglas-Peucker per arc in metres, endpoints kept
def dp(line, tol):
    if len(line) <= 2: return line
    keep = [False]*len(line); keep[0] = keep[-1] = True; st = [(0, len(line)-1)]
    while st:
        i, j = st.pop(); ax, ay = line[i]; bx, by = line[j]; dx, dy = bx-ax, by-ay; l2 = dx*dx+dy*dy
        mx, k = -1, -1
        for m in range(i+1, j):
            px, py = line[m]
            u = 0 if l2 == 0 else max(0, min(1, ((px-ax)*dx+(py-ay)*dy)/l2))
            dd = math.hypot(px-ax-u*dx, py-ay-u*dy)
            if dd > mx: mx, k = dd, m
        if k >= 0 and mx > tol: keep[k] = True; st += [(i, k), (k, j)]
    return [p for p, kk in zip(line, keep) if kk]
qarcs = []
allq = []
for arc in arcs:
    s = dp(arc, TOL_M)
    if len(s) < 2: s = [arc[0], arc[-1]]
    ll = [utm_inv(x, y) for x, y in s]
    allq.append([(round(lo/Q), round(la/Q)) for lo, la in ll])
x0 = min(p[0] for a_ in allq for p in a_); y0 = min(p[1] for a_ in allq for p in a_)
for a_ in allq:
    out = []; px, py = x0, y0; first = True; prev = None
    for x, y in a_:
        if prev == (x, y): continue
        out.append([x-px, y-py]); px, py = x, y; prev = (x, y)
    if len(out) < 2: out.append([0, 0])
    qarcs.append(out)
topo = {'type': 'Topology', 'transform': {'scale': [Q, Q], 'translate': [round(x0*Q, 5), round(y0*Q, 5)]}, 'objects': {'secciones': {'type': 'GeometryCollection', 'geometries': sorted(tg, key=lambda g: g['properties']['SECCION'])}}, 'arcs': qarcs}
txt = json.dumps(topo, separators=(',', ':'))
open(SALIDA, 'w').write(txt)
print(len(tg), 'secciones', len(arcs), 'arcos', sum(len(a_) for a_ in qarcs), 'puntos', len(txt), 'bytes')
