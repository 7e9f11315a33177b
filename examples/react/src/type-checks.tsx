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
  // @ts-expect-error: an answer's detail has no "status" (it is `response`)
  <kith-rsvp key="5" onkith-rsvp={(event) => event.detail.status} />,
  // @ts-expect-error: "thread" is a string
  <kith-rsvp key="6" thread={42} />,
];

// And what must type-check: the card's events name their details.
export const fine = [
  <kith-rsvp
    key="1"
    thread="/meetups/may"
    onkith-rsvp={(event) => `${event.detail.response} ${event.detail.guests} ${event.detail.waitlisted}`}
    onkith-load={(event) => event.detail.event.rsvp.spotsLeft}
  />,
];
