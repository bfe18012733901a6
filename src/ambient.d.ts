declare module '*.sql' {
  const sql: string;
  export default sql;
}
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
declare module '*/migrations.js' {
  const migrations: {
    journal: { entries: { idx: number; when: number; tag: string; breakpoints: boolean }[] };
    migrations: Record<string, string>;
  };
  export default migrations;
}
