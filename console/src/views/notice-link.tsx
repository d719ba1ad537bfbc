import { useConsole } from '../console-context';

/** A notice named by its title in the operator's language (else its first), linking to its progress page. */
export function NoticeLink(props: {
  id: string;
  texts: ReadonlyArray<{ readonly lang: string; readonly title: string }>;
}) {
  const { lang } = useConsole();
  const title = (props.texts.find((x) => x.lang === lang) ?? props.texts[0])?.title ?? props.id;
  return <a href={`#/notices/${props.id}`}>{title}</a>;
}
