import { render } from 'preact';
import { App } from './app';

document.documentElement.lang = localStorage.getItem('stb-console-lang') === 'en' ? 'en' : 'zh-CN';
const root = document.getElementById('app');
if (root !== null) render(<App />, root);
