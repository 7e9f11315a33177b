// Kith's elements in Astro templates: their attributes, typed from the elements.
import '@kith/elements/astro';
