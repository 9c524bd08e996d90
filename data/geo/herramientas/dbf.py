# A dBASE (.DBF) table as a list of dicts of stripped text cells (INE's cartography ships its attributes so);
# shared by secciones_topojson.py and catalogo_aguascalientes.py.
import struct

def dbf(p):
    d = open(p, 'rb').read()
    n = struct.unpack('<I', d[4:8])[0]; hl = struct.unpack('<H', d[8:10])[0]; rl = struct.unpack('<H', d[10:12])[0]
    fs = []; i = 32
    while d[i] != 0x0d:
        fs.append((d[i:i+11].split(b'\0')[0].decode(), d[i+16])); i += 32
    out = []
    for r in range(n):
        off = hl + r*rl + 1; row = {}
        for name, l in fs:
            row[name] = d[off:off+l].decode('latin1').strip(); off += l
        out.append(row)
    return out
