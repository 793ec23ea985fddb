// esbuild bundles imported stylesheets into graphiql.css; to TypeScript they are modules with no exports.
declare module '*.css';
