/** Entry of the Overview page (webpack: appserver/static/pages/overview.js). */
import { mountPage } from '../../ui/mount';
import { OverviewPage } from './OverviewPage';

void mountPage(<OverviewPage />, { pageTitle: 'Overview | T1505 Server Software Component' });
