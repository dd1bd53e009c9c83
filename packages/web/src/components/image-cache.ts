/**
 * Images loaded and decoded ahead of time. The labeling loop preloads the next task's images while the
 * current one is worked on; the image editor then takes the same decoded element instead of loading and
 * decoding again (decoding a 12-megapixel photo costs tens of milliseconds on the main thread).
 */

/** How many images are kept (the current task's, the next one's, and a few recent). */
const KEEP = 8;

const cache = new Map<string, Promise<HTMLImageElement>>();

function remember(url: string, image: Promise<HTMLImageElement>): void {
  cache.delete(url);
  cache.set(url, image);
  while (cache.size > KEEP) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}

/**
 * The image at `url`, loaded and decoded. A failure is not kept: the next call tries again (and its
 * caller reports the failure).
 */
export function loadImage(url: string): Promise<HTMLImageElement> {
  const known = cache.get(url);
  if (known) {
    remember(url, known);
    return known;
  }
  const loading = new Promise<HTMLImageElement>((resolve, reject) => {
    const image = new window.Image();
    image.onload = () => {
      // decode() settles once the pixels are ready to draw; a browser that cannot decode ahead draws anyway.
      image.decode().then(
        () => resolve(image),
        () => resolve(image),
      );
    };
    image.onerror = () => reject(new Error(`The image at ${url} could not be loaded.`));
    image.src = url;
  });
  remember(url, loading);
  loading.catch(() => {
    if (cache.get(url) === loading) cache.delete(url);
  });
  return loading;
}

/** Starts loading and decoding an image that will be shown soon; failures are left for when it is shown. */
export function preloadImage(url: string): void {
  loadImage(url).catch(() => {});
}
