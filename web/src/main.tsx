import { render } from 'solid-js/web';
import { App } from './app';
import './styles/app.css';

render(() => <App />, document.getElementById('root')!);
