/** KaTeX's stylesheet and fonts, fetched with the math renderer (Vite emits them beside its chunk). */
import 'katex/dist/katex.min.css';
