// The layering of docs/ARQUITECTURA.md §2, checked on every `npm test` (npm run capas). No exceptions: a rule that
// needs one means a definition is in the wrong file.
const PRUEBAS = '(\\.test\\.tsx?$|^test/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'sin-ciclos',
      comment: 'No import cycles, type-only imports included: each one is a definition in the wrong file.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'dominio-puro',
      comment: 'The domain core imports no adapter, script, test support or portal code.',
      severity: 'error',
      from: { path: '^worker/domain/', pathNot: PRUEBAS },
      to: { path: '^(worker/(api|db|cortes|index\\.ts)|scripts/|test/|site/)' },
    },
    {
      name: 'contrato-autonomo',
      comment: 'The publication contract is zod-free and self-contained: difusores and the portal read it alone.',
      severity: 'error',
      from: { path: '^worker/domain/contrato/', pathNot: PRUEBAS },
      to: { pathNot: '^worker/domain/contrato/' },
    },
    {
      name: 'portal-solo-contrato',
      comment: 'The portal reads only the publication contract (and its own files, package.json and libraries).',
      severity: 'error',
      from: { path: '^site/', pathNot: PRUEBAS },
      to: { path: '^(worker|scripts|test|data)/', pathNot: '^worker/domain/contrato/' },
    },
    {
      name: 'worker-sin-herramientas',
      comment: 'Runtime code never imports command-line tools or test support.',
      severity: 'error',
      from: { path: '^worker/', pathNot: PRUEBAS },
      to: { path: '^(scripts|test)/' },
    },
    {
      name: 'sin-no-resueltos',
      comment: 'Every import resolves (the platform\'s own cloudflare:* modules exist only inside workerd).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^cloudflare:' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.astro|\\.state)/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
