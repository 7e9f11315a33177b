// Kith's elements in TSX: their props, attributes and events, typed from the elements themselves.
import type { CustomElements } from '@kith/elements/jsx';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
