import './activation.test';
import './contactsView.test';
import './detailPanel.test';
import './search.test';
import './trust.test';
