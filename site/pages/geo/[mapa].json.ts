// The shapes of each map as SVG paths, written once at build time (/geo/municipios.json, /geo/distritos.json):
// the entidad view's map fetches one when it is shown, so no boundary file or map library reaches the browser.
import type { APIRoute, GetStaticPaths } from 'astro';
import { FUENTES, mapaPublicado, textoFuente, type NombreMapa } from '../../lib/geoFuentes.ts';

export const prerender = true;

export const getStaticPaths: GetStaticPaths = () => Object.keys(FUENTES).map((mapa) => ({ params: { mapa } }));

export const GET: APIRoute = ({ params }) => {
  const nombre = params.mapa as NombreMapa;
  return new Response(JSON.stringify(mapaPublicado(nombre, textoFuente(nombre))), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
