/** The extension's id as VS Code knows it: `publisher.name` of package.json. */
export const EXTENSION_ID = 'linq-contacts-dev.linq-contacts';
