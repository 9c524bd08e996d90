import { medirWorkerd } from './workerd.ts';
const m = await medirWorkerd({ clientes: 8, pendientesCada: Number(process.argv[2] ?? 100), alAvanzar: () => {} });
const f = (r: { solicitudes: number; porSegundo: number; p50: number; p99: number; fallidas: number }) => `${r.solicitudes} ${r.porSegundo.toFixed(1)}/s p50 ${r.p50} p99 ${r.p99} fallidas ${r.fallidas}`;
console.log('acopio+imagen', f(m.acopioImagen));
console.log('captura', f(m.captura));
console.log('captura+consolas', f(m.capturaConConsolas));
console.log('ping', f(m.ping));
console.log('ratio', (m.captura.porSegundo / m.ping.porSegundo * 100).toFixed(1), '%', JSON.stringify(m.escrituras));
