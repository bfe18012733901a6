// Vite's `?raw` imports: a file's text, read when the test is transformed.
declare module '*?raw' {
  const text: string;
  export default text;
}
