# How the CSV files of data/fixtures/catalogo-aguascalientes were made (see its README.md):
#   python3 catalogo_aguascalientes.py <dir with SECCION.DBF> <out dir>
# A synthetic catalogue (parties, candidaturas, casillas and lista nominal invented) whose secciones, distritos
# locales and municipios are INE's real ones for six municipios of Aguascalientes.
import os, sys
ENTRADA, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
from dbf import dbf
MUN = {2: 'Asientos', 4: 'Cosío', 6: 'Pabellón de Arteaga', 7: 'Rincón de Romos', 8: 'San José de Gracia', 9: 'Tepezalá'}
DIS = {1: 'Rincón de Romos', 2: 'Asientos', 3: 'Pabellón de Arteaga'}
rows = [r for r in dbf(f'{ENTRADA}/SECCION.DBF') if int(r['MUNICIPIO']) in MUN]
secc = sorted((int(r['SECCION']), int(r['DISTRITO_L']), int(r['MUNICIPIO'])) for r in rows)
assert all(d in DIS for _, d, _ in secc), set(d for _, d, _ in secc)
def w(nombre, lineas):
    with open(os.path.join(out, nombre), 'w', encoding='utf-8-sig', newline='') as f:
        f.write('\r\n'.join(lineas) + '\r\n')
PART = [('PAN', 'Partido Acción Nacional', '#0059B3'), ('PRI', 'Partido Revolucionario Institucional', '#E4032D'), ('PRD', 'Partido de la Revolución Democrática', '#FFCC00'),
        ('PVEM', 'Partido Verde Ecologista de México', '#50B747'), ('PT', 'Partido del Trabajo', '#D92027'), ('MC', 'Movimiento Ciudadano', '#FF8300'), ('MORENA', 'Morena', '#B5261E')]
w('entidad.csv', ['ID_ENTIDAD,ENTIDAD,HUSO_HORARIO,SINTETICO', '1,Aguascalientes,UTC-6,1'])
w('elecciones.csv', ['ELECCION,NOMBRE,TERRITORIO,TIPO_ACTA,BOLETAS_ESPECIAL,ORDEN', 'DIP_LOC,Diputaciones locales de mayoría relativa,distrito,5,750,1', 'AYUN,Ayuntamientos,municipio,6,750,2'])
w('coaliciones.csv', ['COALICION,NOMBRE,PARTIDOS'])
w('boletas_coaliciones.csv', ['ELECCION,ID_TERRITORIO,COALICION,PARTIDOS'])
w('partidos.csv', ['PARTIDO_CI,NOMBRE,TIPO,COLOR,ORDEN'] + [f'{s},{n},partido,{c},{i+1}' for i, (s, n, c) in enumerate(PART)])
w('distritos.csv', ['ID_DISTRITO_LOCAL,DISTRITO_LOCAL'] + [f'{k},{v}' for k, v in sorted(DIS.items())])
w('municipios.csv', ['ID_MUNICIPIO,MUNICIPIO'] + [f'{k},{v}' for k, v in sorted(MUN.items())])
w('secciones.csv', ['SECCION,ID_DISTRITO_LOCAL,ID_MUNICIPIO'] + [f'{s},{d},{m}' for s, d, m in secc])
w('casillas.csv', ['CLAVE_CASILLA,SECCION,TIPO_CASILLA,ID_CASILLA,EXT_CONTIGUA,UBICACION_CASILLA,LISTA_NOMINAL,REPRESENTANTES_PP_CI'] +
  [f"'01{s:04d}B0100,{s},B,1,0,{1 if s % 3 else 2},{400 + (s * 37) % 500},7" for s, _, _ in secc])
w('boletas.csv', ['ELECCION,ID_TERRITORIO,COLUMNA'] + [f'DIP_LOC,{d},{p[0]}' for d in sorted(DIS) for p in PART] + [f'AYUN,{m},{p[0]}' for m in sorted(MUN) for p in PART])
NOM = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elsa', 'Fabián', 'Gloria', 'Hugo', 'Irma', 'Joel', 'Karen', 'Luis', 'Mara', 'Néstor']
APE = ['Ruiz', 'Soto', 'Vega', 'Lara', 'Mora', 'Peña', 'Ríos', 'Cano', 'Gil', 'Luna', 'Paz', 'Rey', 'Salas', 'Ochoa']
def nombre(k):
    return f'{NOM[k % len(NOM)]} {APE[(k * 5) % len(APE)]} {APE[(k * 3 + 1) % len(APE)]}'
k = 0; lin = ['ID_ENTIDAD,ID_DISTRITO_LOCAL,PARTIDO_CI,CANDIDATURA_PROPIETARIA,CANDIDATURA_SUPLENTE']
for d in sorted(DIS):
    for p in PART: lin.append(f'1,{d},{p[0]},{nombre(k)},{nombre(k + 7)}'); k += 1
w('candidaturas_DIP_LOC.csv', lin)
lin = ['ID_ENTIDAD,ID_MUNICIPIO,PARTIDO_CI,CANDIDATURA_PROPIETARIA,CANDIDATURA_SUPLENTE']
for m in sorted(MUN):
    for p in PART: lin.append(f'1,{m},{p[0]},{nombre(k)},{nombre(k + 9)}'); k += 1
w('candidaturas_AYUN.csv', lin)
w('catds.csv', ['ID_CATD,NOMBRE,AMBITO,ID_TERRITORIO,ELECCIONES'] + [f'CATD-D{d:02d},CATD distrital {d:02d} {DIS[d]},distrito,{d},DIP_LOC+AYUN' for d in sorted(DIS)])
print(len(secc), 'secciones')
