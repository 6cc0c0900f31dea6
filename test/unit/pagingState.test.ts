import * as assert from 'node:assert/strict';
import { PagingState } from '../../src/tree/pagingState';

describe('PagingState', () => {
  const page = (ids: number[], totalPages: number): Parameters<PagingState['applyPage']>[0] => ({
    contacts: ids.map((id) => ({ id })),
    pagination: { currentPage: 1, perPage: ids.length, totalPages, totalCount: totalPages * 2, estimated: false },
  });

  it('appends pages in order, each id once, and knows when more remain', () => {
    const state = new PagingState();
    assert.equal(state.applyPage(page([1, 2], 3), 1), 2);
    assert.ok(state.hasMore);
    assert.equal(state.applyPage(page([2, 3], 3), 2), 1);
    assert.deepEqual(state.contacts.map((c) => c.id), [1, 2, 3]);
    state.applyPage(page([4], 3), 3);
    assert.ok(!state.hasMore);
  });

  it('ends on an empty page', () => {
    const state = new PagingState();
    state.applyPage(page([1, 2], 9), 1);
    state.applyPage(page([], 9), 2);
    assert.ok(state.complete && !state.hasMore);
  });
});

describe('PagingState without totals from the server', () => {
  const estimated = (ids: number[], perPage: number, pageNumber: number): Parameters<PagingState['applyPage']>[0] => ({
    contacts: ids.map((id) => ({ id })),
    pagination: { currentPage: pageNumber, perPage, totalPages: ids.length >= perPage ? pageNumber + 1 : pageNumber, totalCount: (pageNumber - 1) * perPage + ids.length, estimated: true },
  });

  it('offers more while pages come back full, ends on a short page, and does not claim a total', () => {
    const state = new PagingState();
    state.applyPage(estimated([1, 2], 2, 1), 1);
    assert.ok(state.hasMore);
    assert.equal(state.totalKnown, false);
    state.applyPage(estimated([3, 4], 2, 2), 2);
    assert.ok(state.hasMore);
    state.applyPage(estimated([5], 2, 3), 3);
    assert.ok(!state.hasMore && state.complete);
    assert.deepEqual(state.contacts.map((c) => c.id), [1, 2, 3, 4, 5]);
  });
});
