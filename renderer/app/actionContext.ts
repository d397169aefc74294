import type { ActionContext } from '../actions/actions';
import { activeView } from '../editor/activeView';
import { api } from '../platform/api';
import { appStore } from '../store/appStore';
import { librarySearchField } from './librarySearchField';
import { navigateDocument } from './navigation';

/** What the app's actions run with, as it stands now: keys, the menu and buttons all use it. */
export const actionContext = (): ActionContext => ({ store: appStore, view: activeView(), api, librarySearch: librarySearchField(), navigateDocument });
