/**
 * Synthetic Spanish names for candidaturas. Invented combinations of common given names and surnames:
 * any resemblance to a real candidate is chance, and the catalogue says it is synthetic.
 */
import type { Azar } from './azar.ts';

const MUJERES = [
  'María', 'Guadalupe', 'Ana', 'Laura', 'Claudia', 'Patricia', 'Verónica', 'Alejandra', 'Gabriela', 'Adriana',
  'Mónica', 'Silvia', 'Rosa', 'Leticia', 'Sandra', 'Martha', 'Elena', 'Lucía', 'Fernanda', 'Daniela',
  'Mariana', 'Paola', 'Karla', 'Teresa', 'Yolanda', 'Carmen', 'Josefina', 'Beatriz', 'Irma', 'Lorena',
  'Ximena', 'Valeria', 'Sofía', 'Andrea', 'Diana', 'Norma', 'Araceli', 'Cecilia', 'Rocío', 'Esperanza',
];
const HOMBRES = [
  'José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Francisco', 'Alejandro', 'Roberto', 'Ricardo',
  'Fernando', 'Javier', 'Eduardo', 'Sergio', 'Manuel', 'Raúl', 'Arturo', 'Enrique', 'Héctor', 'Pedro',
  'Salvador', 'Jesús', 'Antonio', 'Alberto', 'Gerardo', 'Óscar', 'Rubén', 'Martín', 'Ramón', 'Ignacio',
  'Diego', 'Emilio', 'Andrés', 'Pablo', 'Rodrigo', 'Hugo', 'Armando', 'Gustavo', 'Ernesto', 'Tomás',
];
const APELLIDOS = [
  'García', 'Hernández', 'López', 'Martínez', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez', 'Flores',
  'Gómez', 'Díaz', 'Cruz', 'Morales', 'Reyes', 'Jiménez', 'Torres', 'Gutiérrez', 'Ruiz', 'Mendoza',
  'Aguilar', 'Vázquez', 'Castillo', 'Ortiz', 'Moreno', 'Romero', 'Álvarez', 'Chávez', 'Ramos', 'Herrera',
  'Medina', 'Castro', 'Vargas', 'Guzmán', 'Velázquez', 'Rojas', 'Contreras', 'Salazar', 'Orozco', 'Navarro',
  'Ibarra', 'Camarena', 'Padilla', 'Villaseñor', 'Zúñiga', 'Anaya', 'Becerra', 'Cervantes', 'Delgado', 'Estrada',
  'Figueroa', 'Gallardo', 'Íñiguez', 'Lozano', 'Macías', 'Núñez', 'Ochoa', 'Plascencia', 'Quintero', 'Robles',
];

export type Genero = 'M' | 'H';

/** "Nombre Apellido Apellido", sometimes with a second given name. */
export function nombrePersona(azar: Azar, genero: Genero): string {
  const nombres = genero === 'M' ? MUJERES : HOMBRES;
  const primero = azar.elegir(nombres);
  const segundo = azar.conProbabilidad(0.3) ? ` ${azar.elegir(nombres)}` : '';
  return `${primero}${segundo === ` ${primero}` ? '' : segundo} ${azar.elegir(APELLIDOS)} ${azar.elegir(APELLIDOS)}`;
}

/** A fórmula: propietaria and suplente of the same gender (Mexican parity rules pair them so). */
export function formula(azar: Azar): { propietaria: string; suplente: string } {
  const genero: Genero = azar.conProbabilidad(0.5) ? 'M' : 'H';
  return { propietaria: nombrePersona(azar, genero), suplente: nombrePersona(azar, genero) };
}
