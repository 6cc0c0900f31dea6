/** Ids shared with package.json: keep the two in step. */
export const VIEW_ID = 'linqContacts';
export const PANEL_VIEW_TYPE = 'linqContacts.contact';
export const SECRET_KEY = 'linqContacts.apiToken';
/** The encrypted copy's key: a secret of its own, never beside the token. */
export const CACHE_KEY_SECRET = 'linqContacts.cacheKey';
/** The key of the names under which per-connection state (pins, recents) is kept. */
export const NAMES_KEY_SECRET = 'linqContacts.namesKey';

export const Commands = {
  setToken: 'linqContacts.setToken',
  clearToken: 'linqContacts.clearToken',
  refresh: 'linqContacts.refresh',
  lookupById: 'linqContacts.lookupById',
  search: 'linqContacts.search',
  copyEmail: 'linqContacts.copyEmail',
  copyPhone: 'linqContacts.copyPhone',
  copyVCard: 'linqContacts.copyVCard',
  filter: 'linqContacts.filter',
  clearFilter: 'linqContacts.clearFilter',
  groupByCompany: 'linqContacts.groupByCompany',
  ungroup: 'linqContacts.ungroup',
  openContact: 'linqContacts.openContact',
  loadMore: 'linqContacts.loadMore',
  showLog: 'linqContacts.showLog',
  insertContact: 'linqContacts.insertContact',
  export: 'linqContacts.export',
  newContact: 'linqContacts.newContact',
  newContactFromSelection: 'linqContacts.newContactFromSelection',
  editContact: 'linqContacts.editContact',
  deleteContact: 'linqContacts.deleteContact',
  import: 'linqContacts.import',
  sortBy: 'linqContacts.sortBy',
  groupByOwner: 'linqContacts.groupByOwner',
  pin: 'linqContacts.pin',
  unpin: 'linqContacts.unpin',
  showQrCode: 'linqContacts.showQrCode',
} as const;

export const Settings = {
  section: 'linqContacts',
  apiBaseUrl: 'apiBaseUrl',
  pageSize: 'pageSize',
  showAvatars: 'showAvatars',
  prefetchLimit: 'prefetchLimit',
  mentionsLanguages: 'mentions.languages',
  mentionsFormat: 'mentions.format',
  hovers: 'hovers',
  readOnly: 'readOnly',
  cache: 'cache',
  sortBy: 'sortBy',
  ownerEmail: 'ownerEmail',
} as const;

/** Context keys used in `when` clauses. */
export const ContextKeys = {
  ready: 'linqContacts.ready',
  hasToken: 'linqContacts.hasToken',
  filtered: 'linqContacts.filtered',
  grouped: 'linqContacts.grouped',
  groupedBy: 'linqContacts.groupedBy',
  readOnly: 'linqContacts.readOnly',
} as const;
