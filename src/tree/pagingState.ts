import type { LinqApiError } from '../api/linqApiError';
import type { Contact, ContactPage } from '../api/types';

/**
 * What the Contacts view has loaded, as plain data: rows in the API's order, each id once, and where
 * paging stands. Pure, so it is tested without VS Code.
 */
export class PagingState {
  private readonly rows: Contact[] = [];
  private readonly ids = new Map<number, number>();
  /** The next page to ask for (1 before the first page). */
  nextPage = 1;
  /** The server's latest counts (they may change while paging). */
  totalCount: number | undefined;
  totalPages: number | undefined;
  /** False when the server sent no total (then `totalCount` is only what was seen). */
  totalKnown = true;
  /** Set once a page came back empty or the last page was loaded. */
  complete = false;
  /** The last failure, cleared by the next success. */
  error: LinqApiError | undefined;

  get contacts(): readonly Contact[] {
    return this.rows;
  }

  get loadedAny(): boolean {
    return this.totalCount !== undefined;
  }

  /** True while pages remain. */
  get hasMore(): boolean {
    return !this.complete && this.totalPages !== undefined && this.nextPage <= this.totalPages;
  }

  /** Appends a page's contacts not seen before (newer data replaces a row in place); returns how many were new. */
  applyPage(page: ContactPage, pageNumber: number): number {
    const added = this.addContacts(page.contacts);
    this.totalCount = page.pagination.totalCount;
    this.totalPages = page.pagination.totalPages;
    this.totalKnown = !page.pagination.estimated;
    this.nextPage = pageNumber + 1;
    if (page.contacts.length === 0 || this.nextPage > page.pagination.totalPages) {
      this.complete = true;
    }
    this.error = undefined;
    return added;
  }

  /** Adds contacts from elsewhere (the all-contacts walk) without changing where paging stands. */
  addContacts(contacts: readonly Contact[]): number {
    let added = 0;
    for (const contact of contacts) {
      const at = this.ids.get(contact.id);
      if (at === undefined) {
        this.ids.set(contact.id, this.rows.length);
        this.rows.push(contact);
        added++;
      } else {
        this.rows[at] = contact;
      }
    }
    return added;
  }

  /** Marks every contact as loaded (after a full walk). */
  markComplete(totalCount: number): void {
    this.complete = true;
    this.totalCount = Math.max(totalCount, this.rows.length);
  }

  /** The total to show: the server's count, never less than what is shown. */
  get shownTotal(): number {
    return Math.max(this.totalCount ?? 0, this.rows.length);
  }
}
