import { useConsole } from '../console-context';

/** Newer / older page buttons over a list read `size` at a time from `offset`; `hasMore` when an older page exists. */
export function Pager(props: {
  offset: number;
  size: number;
  hasMore: boolean;
  total?: number;
  onOffset: (offset: number) => void;
}) {
  const { t } = useConsole();
  const { offset, size, total } = props;
  return (
    <p class="pager">
      <button
        type="button"
        name="newer"
        disabled={offset === 0}
        onClick={() => props.onOffset(Math.max(0, offset - size))}
      >
        {t('newer')}
      </button>
      <button type="button" name="older" disabled={!props.hasMore} onClick={() => props.onOffset(offset + size)}>
        {t('older')}
      </button>{' '}
      {total !== undefined && total > 0 && (
        <span class="hint">{t('pageOf', { from: offset + 1, to: Math.min(offset + size, total), total })}</span>
      )}
    </p>
  );
}
