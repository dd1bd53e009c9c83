import { QuickStart } from './quick-start.tsx';
import { ServerStatus } from './server-status.tsx';
import { Brand } from './workbench/app-bar.tsx';

/** Parts of the product that are planned but not in this build; listed so nobody goes looking for them. */
const COMING = [
  {
    name: 'Customer console',
    text: 'Projects, batches, quality and agreement per annotator and workforce, and dataset exports.',
  },
];

/** The page a logged-out visitor sees at `/`: what this server is, how to sign in and how to use its API. */
export function LandingPage() {
  const origin = window.location.origin;
  return (
    <div className="page">
      <header className="masthead">
        <Brand />
        <nav className="masthead__nav" aria-label="Main">
          <a href="/api/docs">API reference</a>
          <a href="#quick-start">Quick start</a>
          <a className="button button--primary button--small" href="/login">
            Sign in
          </a>
        </nav>
      </header>

      <main>
        <section className="hero" aria-labelledby="hero-title">
          <h1 id="hero-title">
            Groundwork <span className="hero__dash">—</span>{' '}
            <span className="hero__sub">annotation platform</span>
          </h1>
          <p className="hero__lead">
            A self-hosted data-annotation platform with a Scale-compatible task API. Tasks, files and answers
            stay on this deployment.
          </p>
          <div className="hero__actions">
            <a className="button button--primary" href="/login">
              Sign in to the workbench
            </a>
            <a className="button" href="/api/docs">
              Open the API reference
            </a>
            <a className="button" href="#quick-start">
              API quick start
            </a>
          </div>
        </section>

        <div className="grid">
          <ServerStatus origin={origin} />
          <section className="coming" aria-labelledby="coming-title">
            <h2 id="coming-title">In this build</h2>
            <ul>
              <li>
                <strong>Annotator workbench</strong>
                <span>
                  Labeling and review in the browser: image editor, text, RLHF preference and ranking tasks.
                </span>
              </li>
            </ul>
            <h2 className="coming__next">Coming next</h2>
            <ul>
              {COMING.map((item) => (
                <li key={item.name}>
                  <strong>{item.name}</strong>
                  <span>{item.text}</span>
                </li>
              ))}
            </ul>
            <p className="coming__note">
              Not part of this build yet; today projects and batches are driven through the API.
            </p>
          </section>
        </div>

        <QuickStart origin={origin} />
      </main>

      <footer className="footer">
        <span>Groundwork</span>
        <a href="/api/openapi.json">OpenAPI document</a>
      </footer>
    </div>
  );
}
