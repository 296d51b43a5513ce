/** id of the element in a view's Simple XML panel that a page renders into. */
export const PAGE_ROOT_ID = 't1505-page-root';
