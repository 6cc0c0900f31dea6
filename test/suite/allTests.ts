import './activation.test';
import './contactsView.test';
import './detailPanel.test';
