/** One step of the quick start: what to do, and the command that does it. */
interface QuickStartStep {
  title: string;
  body: string;
  command: string;
}

/** The steps, written against this server's own address so they can be pasted as they are. */
function quickStartSteps(origin: string): QuickStartStep[] {
  return [
    {
      title: 'Create a project',
      body: 'Authenticate with HTTP Basic: your API key (live_… or test_…) as the user name and an empty password.',
      command: [
        `curl -u "$GROUNDWORK_API_KEY:" ${origin}/v1/projects \\`,
        `  -H 'Content-Type: application/json' \\`,
        `  -d '{"type": "categorization", "name": "pets"}'`,
      ].join('\n'),
    },
    {
      title: 'Send a task',
      body: 'Task parameters follow Scale’s task API, so an existing integration only changes its base URL.',
      command: [
        `curl -u "$GROUNDWORK_API_KEY:" ${origin}/v1/task/categorization \\`,
        `  -H 'Content-Type: application/json' \\`,
        `  -d '{"project": "pets", "attachment": "https://example.com/pet.jpg",`,
        `       "categories": ["cat", "dog"]}'`,
      ].join('\n'),
    },
    {
      title: 'Read it back',
      body: 'Use the task_id from the response. The full request and response shapes are in the API reference.',
      command: `curl -u "$GROUNDWORK_API_KEY:" ${origin}/v1/task/<task_id>`,
    },
  ];
}

/** A short, copyable walk through the Scale-compatible API of this server. */
export function QuickStart({ origin }: { origin: string }) {
  return (
    <section id="quick-start" className="quick-start" aria-labelledby="quick-start-title">
      <h2 id="quick-start-title">API quick start</h2>
      <ol className="steps">
        {quickStartSteps(origin).map((step) => (
          <li key={step.title} className="step">
            <h3>{step.title}</h3>
            <p>{step.body}</p>
            <pre>
              <code>{step.command}</code>
            </pre>
          </li>
        ))}
      </ol>
    </section>
  );
}
