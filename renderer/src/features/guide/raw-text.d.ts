/** Text files bundled with the renderer as strings (Vite's ?raw import). */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
