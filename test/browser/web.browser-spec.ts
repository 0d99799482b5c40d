import { Browser, BrowserContext, Page } from 'playwright-core';
import { TestApp, startTestApp } from '../e2e/support/test-app';
import { axe, launch, screenshot } from './support/browser';
import { Seeded, seed } from './support/seed';

/**
 * The web app in a real browser (Debian's Chromium, driven by playwright-core) against the real
 * API on a fresh SQLite file, seeded through the API: each role's everyday work, an axe-core check
 * of every page, and a screenshot of each.
 */
jest.setTimeout(60_000);

describe('web app (browser)', () => {
  let t: TestApp;
  let data: Seeded;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  async function checkAccessibility(name: string): Promise<void> {
    expect({ page: name, violations: await axe(page, name) }).toEqual({
      page: name,
      violations: [],
    });
  }

  async function login(naam: string, start: string | RegExp): Promise<void> {
    const uitloggen = page.getByRole('button', { name: 'Uitloggen' });
    if (await uitloggen.isVisible()) await logout();
    await page.goto(t.url);
    await h1('Inloggen').waitFor();
    await page.getByRole('button', { name: new RegExp(naam) }).click();
    await h1(start).waitFor();
  }

  async function logout(): Promise<void> {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await h1('Inloggen').waitFor();
    // Nothing of the session stays in the browser.
    expect(await page.evaluate(() => [sessionStorage.length, localStorage.length])).toEqual([0, 0]);
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ WEB_DIR: 'dist/web' }), launch()]);
    data = await seed(t.url);
    // Everything seeded is in the read models before the first page asks.
    await t.http().get(`/health`).expect(200);
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('logs a contact person in with a development user and shows her families and worklists', async () => {
    await page.goto(t.url);
    await h1('Inloggen').waitFor();
    await checkAccessibility('inloggen');
    await screenshot(page, '01-inloggen');

    await page.getByRole('button', { name: /Anna de Vries/ }).click();
    await h1('Mijn gezinnen').waitFor();
    expect(page.url()).toBe(`${t.url}/gezinnen`);
    await page.getByRole('table').getByRole('link', { name: 'Gezin Jansen' }).waitFor();
    await page.getByRole('heading', { name: /Evaluatie van het plan verlopen \(0\)/ }).waitFor();
    const afspraken = page.getByRole('region', { name: /Afspraken over hun datum/ });
    await afspraken.getByText(/Belt school over een plan voor Sanne/).waitFor();
    const aflopend = page.getByRole('region', { name: /Toewijzingen die aflopen/ });
    await aflopend.getByRole('link', { name: 'Daan Jansen' }).waitFor();
    await checkAccessibility('mijn gezinnen');
    await screenshot(page, '02-mijn-gezinnen');
    // Only the token is kept, in this tab's session; no data in localStorage.
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['gezinsplan.token']);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  it("shows a family's page: members, network, contact person and history, plan, timeline", async () => {
    await page.getByRole('table').getByRole('link', { name: 'Gezin Jansen' }).click();
    await h1('Gezin Jansen').waitFor();
    for (const section of ['Gezinsleden', 'Netwerk', 'Contactpersoon', 'Gezinsplan', 'Tijdlijn']) {
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    await page.getByRole('cell', { name: 'Oma Jansen' }).waitFor();
    await page
      .getByText('Anna de Vries (Wijkteam Noord) is sinds 2 nov 2026 de contactpersoon.')
      .waitFor();
    await page
      .getByRole('definition')
      .filter({ hasText: 'Sanne gaat elke dag naar school' })
      .waitFor();
    await page.getByRole('cell', { name: 'Meldt zich bij de schuldhulpverlening' }).waitFor();
    await page.getByText('Gezin Jansen is aangemeld.').waitFor();
    await checkAccessibility('gezin');
    await screenshot(page, '03-gezin');
  });

  it('edits the plan: a new version with a reason, sent with If-Match', async () => {
    await page.getByRole('link', { name: 'Plan bewerken' }).click();
    await h1('Plan van gezin Jansen bewerken').waitFor();
    await page.getByText('U bewerkt versie 1. Opslaan maakt versie 2.').waitFor();
    await page.getByRole('button', { name: 'Doel toevoegen' }).click();
    // The keyboard goes on in the new goal.
    await page.waitForFunction(() => document.activeElement?.id === 'doel-2-persoon');
    await page.getByLabel('Voor wie').nth(2).selectOption({ label: 'Daan Jansen' });
    await page.getByLabel('Leefgebied').nth(2).selectOption({ label: 'Vrije tijd' });
    await page.getByLabel('Doel', { exact: true }).nth(2).fill('Daan gaat naar de voetbalclub');
    await checkAccessibility('plan bewerken');
    await screenshot(page, '04-plan-bewerken');
    // Without a reason the form says so, at the field.
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await page.getByText('Geef een reden voor deze nieuwe versie.').waitFor();
    await page.getByLabel('Reden van deze wijziging').fill('Daan wil sporten');
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await h1('Gezin Jansen').waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Het plan is opgeslagen (versie 2).' })
      .waitFor();
    await page.getByText('Daan gaat naar de voetbalclub').waitFor();
  });

  it('meets a conflict: says who changed what, and reloads without losing the text', async () => {
    await page.getByRole('link', { name: 'Plan bewerken' }).click();
    await page.getByText('U bewerkt versie 2. Opslaan maakt versie 3.').waitFor();
    const hulpvraag = 'Wij willen rust in huis, Sanne naar school, en Daan aan het sporten.';
    await page.getByLabel('Hulpvraag van het gezin').fill(hulpvraag);
    await page.getByLabel('Reden van deze wijziging').fill('Hulpvraag aangescherpt');

    // Meanwhile, in another tab, Anna marks the agreement done (plan version 3).
    const { api } = data;
    const gezinId = data.jansen.gezinId;
    const huidig = await api.read<{
      plan: Record<string, unknown> & { afspraken: { status: string }[] };
    }>('u-anna', `/gezinnen/${gezinId}/plan`);
    huidig.plan.afspraken[0]!.status = 'afgerond';
    await api.write(
      'u-anna',
      'PUT',
      `/gezinnen/${gezinId}/plan`,
      { ...huidig.plan, reden: 'Evaluatie met het gezin' },
      await api.etag('u-anna', gezinId),
    );

    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'intussen door iemand anders gewijzigd' });
    await alert.waitFor();
    await alert
      .getByText(/Anna de Vries heeft op .* versie 3 vastgelegd: "Evaluatie met het gezin"/)
      .waitFor();
    await alert
      .getByText('Afspraak "Meldt zich bij de schuldhulpverlening" is nu afgerond.')
      .waitFor();
    expect(await page.getByLabel('Hulpvraag van het gezin').inputValue()).toBe(hulpvraag);
    await checkAccessibility('plan conflict');
    await screenshot(page, '05-plan-conflict');

    await page.getByRole('button', { name: 'Nieuwe versie laden en mijn tekst houden' }).click();
    await page.getByText('U bewerkt versie 3. Opslaan maakt versie 4.').waitFor();
    expect(await page.getByLabel('Hulpvraag van het gezin').inputValue()).toBe(hulpvraag);
    expect(await page.getByLabel('Reden van deze wijziging').inputValue()).toBe(
      'Hulpvraag aangescherpt',
    );
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Het plan is opgeslagen (versie 4).' })
      .waitFor();
    const opgeslagen = await api.read<{ versie: number; plan: { hulpvraag: string } }>(
      'u-anna',
      `/gezinnen/${gezinId}/plan`,
    );
    expect(opgeslagen).toMatchObject({ versie: 4, plan: { hulpvraag } });
  });

  it('records the everyday care facts: an assignment, its start, its stop, an extension request', async () => {
    await page.getByRole('link', { name: 'Zorg van Sanne' }).click();
    await h1('Zorg van Sanne Jansen').waitFor();
    await page.getByRole('cell', { name: 'TW-2026-0001', exact: true }).waitFor();

    await page.getByLabel('Product').selectOption('54A10');
    await page.getByLabel('Aanbieder').selectOption({ label: 'Jeugdhulp Flevoland' });
    await page.getByLabel('Verwijzer', { exact: true }).selectOption('02');
    await page.getByLabel('Toewijzingsnummer').fill('TW-2026-0077');
    await page.getByLabel('Begindatum').fill('2026-11-16');
    await page.getByLabel('Einddatum').fill('2027-05-15');
    await page.getByRole('button', { name: 'Toewijzing vastleggen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Toewijzing TW-2026-0077 is vastgelegd.' })
      .waitFor();

    await page.getByRole('button', { name: 'Start van TW-2026-0077' }).click();
    await page.getByLabel('Datum', { exact: true }).fill('2026-11-23');
    await page.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'De start van de zorg is vastgelegd.' })
      .waitFor();

    await page.getByRole('button', { name: 'Verlenging van TW-2026-0001' }).click();
    await page.getByLabel('Aangevraagd op').fill('2026-12-01');
    await page.getByLabel('Gevraagd tot').fill('2027-10-31');
    await page.getByLabel('Reden', { exact: true }).fill('Doelen nog niet bereikt');
    await page.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'De verlengingsaanvraag is vastgelegd.' })
      .waitFor();
    await page.getByRole('cell', { name: 'Doelen nog niet bereikt' }).waitFor();

    await page.getByRole('button', { name: 'Stop van TW-2026-0077' }).click();
    await page.getByLabel('Datum', { exact: true }).fill('2026-12-02');
    await page.getByLabel('Reden van beëindiging (iJW)').selectOption('34');
    await checkAccessibility('zorg');
    await page.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'De stop van de zorg is vastgelegd.' })
      .waitFor();
    await page
      .getByRole('cell', { name: /2 dec 2026 \(voortijdig in overeenstemming\)/ })
      .waitFor();
    await screenshot(page, '06-zorg');

    const zorg = await data.api.read<{ toewijzingen: object[]; verlengingen: object[] }>(
      'u-anna',
      `/personen/${data.jansen.sanne}/zorg`,
    );
    expect(zorg.toewijzingen).toContainEqual(
      expect.objectContaining({
        toewijzingsnummer: 'TW-2026-0077',
        zorgStart: '2026-11-23',
        zorgStop: '2026-12-02',
        redenEinde: '34',
      }),
    );
    expect(zorg.verlengingen).toContainEqual(
      expect.objectContaining({ gevraagdTot: '2027-10-31' }),
    );
    await logout();
  });

  it('records a story and judgements, a second person releases the story, the family page shows it', async () => {
    await login('Anna de Vries', 'Mijn gezinnen');
    await page.getByRole('table').getByRole('link', { name: 'Gezin Jansen' }).click();
    await h1('Gezin Jansen').waitFor();
    await page.getByRole('button', { name: 'Verhaal vastleggen' }).click();
    // The form opens at its first field: who tells.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'verhaal-verteller-jeugdige',
    );
    await page.getByRole('radio', { name: 'Ouder' }).check();
    await page.getByLabel('Verteld op').fill('2026-11-30');
    await page
      .getByLabel('Over gezinslid (niet verplicht)')
      .selectOption({ label: 'Sanne Jansen' });
    await page
      .getByLabel('Over toewijzing (niet verplicht)')
      .selectOption({ label: 'TW-2026-0001: 45A48, Zorg BV (Sanne)' });
    await page
      .getByLabel('Het verhaal, in de eigen woorden van de verteller')
      .fill('Mark: eindelijk één plan, en Anna houdt het overzicht.');
    await page.getByRole('checkbox', { name: 'Stoppen met hetgeen niet werkt' }).check();
    await page.getByRole('radio', { name: 'Ook in de monitoring, zonder namen' }).check();
    await checkAccessibility('verhaal vastleggen');
    await page.getByRole('button', { name: 'Verhaal opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Het verhaal is vastgelegd.' }).waitFor();
    const verhaal = page.getByRole('article', { name: /Verhaal van Ouder, 30 nov 2026/ });
    await verhaal.getByText('Wacht op vrijgave door een tweede persoon').waitFor();
    // Anna recorded it: she may not release it herself.
    expect(await verhaal.getByRole('button', { name: /Controleren en vrijgeven/ }).count()).toBe(0);

    // Judgements at the evaluation of the plan: Sanne and Mark answer, Daan was not there.
    await page.getByRole('button', { name: 'Oordelen vastleggen' }).click();
    await page.getByLabel('Gevraagd op').fill('2026-12-01');
    const sanne = page.getByRole('group', { name: 'Sanne Jansen (jeugdige)' });
    await sanne.getByLabel('Hulpvraag beantwoord?').selectOption({ label: 'Deels' });
    await sanne.getByLabel('Regie (1 tot 5)').selectOption('3');
    const mark = page.getByRole('group', { name: 'Mark Jansen (ouder)' });
    await mark.getByLabel('Hulpvraag beantwoord?').selectOption({ label: 'Ja' });
    await mark.getByLabel('Regie (1 tot 5)').selectOption({ label: 'Wil niet antwoorden' });
    for (const wie of [sanne, mark]) {
      const doelen = wie.getByLabel(/^Voortgang: /);
      for (let i = 0; i < (await doelen.count()); i++) await doelen.nth(i).selectOption('1');
    }
    await page
      .getByRole('group', { name: 'Daan Jansen (jeugdige)' })
      .getByLabel('In deze ronde vastleggen')
      .uncheck();
    const professional = page.getByRole('group', { name: 'De professional' });
    await professional.getByLabel('Hulpvraag beantwoord?').selectOption({ label: 'Niet gevraagd' });
    await professional.getByLabel('Regie (1 tot 5)').selectOption({ label: 'Niet gevraagd' });
    const doelen = professional.getByLabel(/^Voortgang: /);
    for (let i = 0; i < (await doelen.count()); i++) {
      await doelen.nth(i).selectOption({ label: 'Niet gevraagd' });
    }
    await checkAccessibility('oordelen vastleggen');
    await page.getByRole('button', { name: 'Oordelen opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De oordelen zijn vastgelegd.' }).waitFor();
    const ronde = page.getByRole('table', {
      name: /Evaluatie van het plan \(versie \d\), gevraagd op 1 dec 2026/,
    });
    await ronde.getByRole('row', { name: /Ouder Ja Wil niet antwoorden/ }).waitFor();
    await logout();

    // Lisa, team lead, checks the story for names and releases it.
    await login('Lisa Smit', 'Mijn gezinnen');
    await page
      .getByRole('region', { name: /Verhalen om vrij te geven \(1\)/ })
      .getByRole('link')
      .click();
    await h1('Verhalen vrijgeven').waitFor();
    await page
      .getByText('Mark: eindelijk één plan, en Anna houdt het overzicht.', { exact: true })
      .waitFor();
    await page
      .getByLabel('Tekst zoals gecontroleerd')
      .fill('Een ouder: eindelijk één plan, en de contactpersoon houdt het overzicht.');
    await checkAccessibility('verhalen vrijgeven');
    await screenshot(page, '11-verhalen-vrijgeven');
    await page.getByRole('button', { name: 'Vrijgeven voor de monitoring' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Het verhaal is vrijgegeven voor de monitoring.' })
      .waitFor();
    await page.getByText('Er wachten geen verhalen op u.').waitFor();
    await logout();

    // Anna sees it released, with the text the monitoring shows.
    await login('Anna de Vries', 'Mijn gezinnen');
    await page.getByRole('table').getByRole('link', { name: 'Gezin Jansen' }).click();
    await h1('Gezin Jansen').waitFor();
    await verhaal.getByText(/Vrijgegeven voor de monitoring door u-lisa op/).waitFor();
    await verhaal
      .getByText('Een ouder: eindelijk één plan, en de contactpersoon houdt het overzicht.')
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Oordelen' }).scrollIntoViewIfNeeded();
    await checkAccessibility('gezin met verhalen en oordelen');
    await screenshot(page, '12-gezin-verhalen-oordelen');
    await logout();
  });

  it('lets a JPH log a consultation in under 30 seconds with the keyboard only', async () => {
    await login('Joke Mulder', 'Consultaties: Huisartsenpraktijk De Linde');
    await page.getByRole('heading', { name: 'Open vervolgafspraken' }).waitFor();
    await checkAccessibility('praktijk');
    await screenshot(page, '07-praktijk');

    // The age band has the focus; the date is today; the rest by keys alone.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('c-leeftijd');
    const start = Date.now();
    const keys = [
      'Tab', // the age band stays 12-17 (the default)
      'ArrowUp', // two contacts
      'Tab',
      'ArrowDown', // outcome: Alleen advies
      'Tab',
      'Space', // topic: Opvoeding
      'Tab',
      'Space', // topic: Gedrag
      'Enter', // save
    ];
    for (const key of keys) await page.keyboard.press(key);
    const saved = page
      .getByRole('status')
      .filter({ hasText: /Consultatie van .* opgeslagen \(Opvoeding, Gedrag; alleen advies\)/ });
    await saved.waitFor();
    const seconds = (Date.now() - start) / 1000;
    expect(seconds).toBeLessThan(30);
    expect(keys.length).toBeLessThanOrEqual(10);
    // Ready for the next one: the focus is back on the first field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('c-leeftijd');
    await page.getByRole('cell', { name: 'Opvoeding, Gedrag' }).waitFor();
    const lijst = await data.api.read<{
      items: { onderwerpen: string[]; uitkomst: string; aantalContacten: number }[];
    }>('u-joke', `/praktijken/${data.praktijkId}/consultaties`);
    expect(lijst.items).toContainEqual(
      expect.objectContaining({
        onderwerpen: ['opvoeding', 'gedrag'],
        uitkomst: 'alleen-advies',
        aantalContacten: 2,
      }),
    );
    await logout();
  });

  it('shows the policy dashboard: charts with tables, definition versions, suppressed cells, as known on, CSV', async () => {
    await login('Bert Visser', 'Monitoring jeugdhulp');
    for (const titel of [
      'Samenloop van voorzieningen',
      'Duur van zorg per categorie (Kaplan-Meier)',
      'In- en uitstroom per maand',
      'Verlengingen tegen het contract, per aanbieder',
      'Perspectiefgesprekken per kwartaal',
      'Indicatoren van de raad tegen de nulwaarden',
    ]) {
      const section = page.getByRole('region', { name: titel });
      await section
        .getByText(/^Definitie /)
        .first()
        .waitFor();
      await section.locator('svg[aria-label]').first().waitFor();
      await section.getByRole('table').first().waitFor();
    }
    const samenloop = page.getByRole('region', { name: 'Samenloop van voorzieningen' });
    await samenloop.locator('.definitie-versie', { hasText: /^samenloop-cijfers-\d+$/ }).waitFor();
    await samenloop.getByRole('row', { name: /Jeugdwet \+ Wmo/ }).waitFor();
    // Small counts are withheld, and the screen says so.
    expect(await page.locator('.suppressed').count()).toBeGreaterThan(0);
    await checkAccessibility('dashboard');
    await screenshot(page, '08-dashboard');

    // As known on the day before anything was recorded: no families with care yet.
    const voor = await samenloop.getByRole('row', { name: /Jeugdwet \+ Wmo/ }).count();
    expect(voor).toBe(1);
    await samenloop.getByLabel('Zoals bekend op').fill('2026-12-01');
    await samenloop.getByLabel('Zoals bekend op').press('Tab');
    await samenloop.getByText(/zoals bekend op 1 dec 2026/).waitFor();
    expect(await samenloop.getByRole('row', { name: /Jeugdwet \+ Wmo/ }).count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /CSV downloaden.*In- en uitstroom per maand/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readDownload(download);
    expect(csv.split('\r\n')[0]).toMatch(/^maand,/);
    expect(csv).toContain('2025-01');
    await page
      .getByRole('status')
      .filter({ hasText: /is gedownload/ })
      .waitFor();

    // Figures and stories side by side: the story Lisa released, pseudonymised, beside the cell.
    const naastElkaar = page.getByRole('region', { name: 'Cijfers en verhalen naast elkaar' });
    const verhaal = 'Een ouder: eindelijk één plan, en de contactpersoon houdt het overzicht.';
    await naastElkaar.getByText(verhaal).waitFor();
    await naastElkaar.getByRole('table', { name: 'Koude cijfers van deze cel' }).waitFor();
    await naastElkaar.getByRole('table', { name: /oordelen per verteller/ }).waitFor();
    await naastElkaar.getByLabel('Aanbieder').selectOption({ label: 'Zorg BV' });
    await naastElkaar.getByRole('link', { name: 'Rapport van deze aanbieder' }).click();
    await h1('Rapport voor het gesprek met Zorg BV').waitFor();
    await page.getByRole('table', { name: 'Duur van de zorg per product' }).waitFor();
    await page.getByText(verhaal).waitFor();
    // Small counts are withheld, and the screen says so.
    expect(await page.locator('.suppressed').count()).toBeGreaterThan(0);
    await checkAccessibility('aanbieder rapport');
    await screenshot(page, '13-aanbieder-rapport');
    const [rapportCsv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /CSV downloaden/ }).click(),
    ]);
    expect((await readDownload(rapportCsv)).split('\r\n')[0]).toBe('deel,rij,veld,waarde');
    await logout();
    // Back after logout shows no figures from before, and a deep link leads to the login page.
    await page.goBack();
    await h1('Inloggen').waitFor();
    expect(await page.getByRole('heading', { name: 'Monitoring jeugdhulp' }).count()).toBe(0);
    await page.goto(`${t.url}/dashboard`);
    await h1('Inloggen').waitFor();
  });

  it("shows the programme's stoplight and records the status of an action", async () => {
    // An earlier status, recorded through the API, becomes the action's history.
    await data.api.write('u-bert', 'POST', '/beleid/programma/acties/k8-2b/status', {
      status: 'rood',
      toelichting: 'Nog geen aanbieder gesproken',
      datum: '2026-11-02',
    });
    await login('Bert Visser', 'Monitoring jeugdhulp');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Programma' })
      .click();
    await h1('Programma: het stoplicht').waitFor();
    const knop8 = page.getByRole('row', { name: /8\. Stoppen met hetgeen niet werkt/ });
    await knop8.getByText('1 rood').waitFor();
    await checkAccessibility('programma');
    await screenshot(page, '09-programma');

    await knop8.getByRole('link').click();
    await h1('Knop 8: Stoppen met hetgeen niet werkt').waitFor();
    await page.getByRole('button', { name: 'Status vastleggen voor actie k8-2b' }).click();
    // The form opens with the focus on the colour the action has now.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('status-k8-2b-rood');
    await page.keyboard.press('ArrowDown'); // rood -> groen (the radios wrap around)
    await page.getByRole('radio', { name: 'Oranje' }).check();
    await page.getByLabel('Toelichting').fill('Twee van de vijf aanbieders hebben een afspraak.');
    await page.getByLabel('Geldt vanaf').fill('2026-12-01');
    await page.getByRole('button', { name: 'Status vastleggen', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'De status van actie k8-2b is vastgelegd: Oranje vanaf 1 dec 2026.' })
      .waitFor();
    const actie = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /k8-2b/ }) });
    await actie
      .getByText('vanaf 1 dec 2026: Twee van de vijf aanbieders hebben een afspraak.')
      .waitFor();
    await actie.getByText('Geschiedenis (2 statussen)').click();
    await actie.getByRole('cell', { name: 'Nog geen aanbieder gesproken' }).waitFor();
    await page.getByRole('table', { name: 'Indicatoren van deze knop per jaar' }).waitFor();
    // The story released for knop 8's theme, as the monitoring shows it.
    await page
      .getByRole('region', { name: 'Verhalen' })
      .getByText('Een ouder: eindelijk één plan, en de contactpersoon houdt het overzicht.')
      .waitFor();
    await checkAccessibility('programma knop');
    await screenshot(page, '10-programma-knop');

    const rapport = await data.api.read<{
      oranje: number;
      stoplicht: { actieId: string; historie: object[] }[];
    }>('u-bert', '/beleid/programma/knoppen/8?van=2025-01-01&tot=2026-12-31');
    expect(rapport.oranje).toBe(1);
    expect(rapport.stoplicht.find((a) => a.actieId === 'k8-2b')?.historie).toHaveLength(2);
    await logout();
  });
});

async function readDownload(download: import('playwright-core').Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
