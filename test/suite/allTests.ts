import './activation.test';
import './contactStore.test';
import './contactsView.test';
import './detailPanel.test';
import './search.test';
import './trust.test';
import './writing.test';
import './contactWrites.test';
