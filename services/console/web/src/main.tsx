import { render } from 'preact';
import { App } from './app';
import './styles/base.css';
import './styles/layout.css';
import './styles/tables-and-pages.css';

render(<App />, document.getElementById('app') as HTMLElement);
