// Never bundled: `tsc` (the build's first step) proves the elements' JSX types catch mistakes.
// Each marked line must be an error, or tsc fails ("unused @ts-expect-error").
export const mistakes = [
  // @ts-expect-error: "grid" is not a layout
  <kith-share key="1" layout="grid" />,
  // @ts-expect-error: a share's detail has no "title"
  <kith-share key="2" onkith-share={(event) => event.detail.title} />,
  // @ts-expect-error: "newest" is not a sort
  <kith-thread key="3" sort="newest" />,
  // @ts-expect-error: no such attribute
  <kith-comment-count key="4" formt="short" />,
];
