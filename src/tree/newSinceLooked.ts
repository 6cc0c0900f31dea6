/**
 * "New since you last looked": contacts a refresh brought while the Contacts view was hidden. The badge counts the
 * ones not yet seen; showing the view clears it, and the rows stay marked until the view is hidden again.
 */
export class NewSinceLooked {
  private readonly marked = new Set<number>();
  private unseen = 0;
  private source: readonly number[] | undefined;
  private taken = 0;
  private visible = false;

  /** The badge's count: contacts new since the view was last shown. */
  get count(): number {
    return this.unseen;
  }

  isNew(id: number): boolean {
    return this.marked.has(id);
  }

  /** Takes in what the store's refreshes brought (a list that grows); true when the count changed. */
  take(arrived: readonly number[]): boolean {
    if (arrived !== this.source) {
      this.source = arrived;
      this.taken = 0;
    }
    const before = this.unseen;
    for (; this.taken < arrived.length; this.taken++) {
      const id = arrived[this.taken] as number;
      if (!this.visible && !this.marked.has(id)) {
        this.marked.add(id);
        this.unseen++;
      }
    }
    return this.unseen !== before;
  }

  /** The view shows or hides; true when the marks or the count changed. */
  visibility(visible: boolean): boolean {
    if (visible === this.visible) {
      return false;
    }
    this.visible = visible;
    const had = this.unseen > 0 || this.marked.size > 0;
    if (visible) {
      this.unseen = 0;
    } else {
      this.marked.clear();
    }
    return had;
  }

  /** Starts over (a new connection). */
  forget(): void {
    this.marked.clear();
    this.unseen = 0;
    this.source = undefined;
    this.taken = 0;
  }
}
