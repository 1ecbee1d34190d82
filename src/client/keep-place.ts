// Progressive enhancement: a form marked data-keep-place="<id>" (and data-keep-place-page, the
// path of the page it comes back to) brings the person back to the same place on that page. Before submitting it notes how far the element <id> is
// from the top of the window; when the next page (same path) has that element, it is scrolled to
// the same distance, so what was under the pointer is under it again, whatever a notice added
// above. Without this script the server's redirect to #<id> lands on the element itself.
const KEY = 'app-keep-place';

interface Place {
  path: string;
  id: string;
  top: number;
}

function remember(form: HTMLFormElement): void {
  const id = form.dataset.keepPlace;
  const el = id ? document.getElementById(id) : null;
  if (!id || !el) return;
  // The page the form comes back to (a form shown again after a refusal sits at the address it
  // posted to, not at the page's own).
  const path = form.dataset.keepPlacePage ?? location.pathname;
  const place: Place = { path, id, top: el.getBoundingClientRect().top };
  sessionStorage.setItem(KEY, JSON.stringify(place));
}

function stored(): Place | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  sessionStorage.removeItem(KEY);
  try {
    const place = JSON.parse(raw) as Place;
    return place.path === location.pathname ? place : null;
  } catch {
    return null;
  }
}

/** Scrolls so the element is where it was; idempotent (the browser's own jump may come later). */
function restore(place: Place): void {
  const el = document.getElementById(place.id);
  if (el) window.scrollBy(0, el.getBoundingClientRect().top - place.top);
  // For tests and other scripts: the place has been given back.
  document.documentElement.dataset.placeKept = place.id;
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-keep-place]'))
  form.addEventListener('submit', () => remember(form));
const place = stored();
if (place) {
  restore(place);
  if (document.readyState !== 'complete')
    window.addEventListener('load', () => restore(place), { once: true });
}

export {};
