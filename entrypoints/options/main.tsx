/** Options page entrypoint: renders the settings form. */
import { i18n } from '#i18n';
import { render } from 'preact';
import { Options } from './Options';
import '../../lib/ui/theme.css';
import './style.css';

document.title = i18n.t('options.title');
render(<Options />, document.getElementById('app')!);
