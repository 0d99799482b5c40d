import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, send } from '../api';
import {
  AFSPRAAK_STATUS,
  AFSPRAAK_STATUSSEN,
  LEEFGEBIED,
  LEEFGEBIEDEN,
  datum,
  label,
  moment,
} from '../labels';
import { navigate } from '../router';
import type { Afspraak, Contactpersoon, Doel, Gezin, Plan, PlanVersie } from '../types';
import { ErrorMessage, Field, Link, Loading, Page, setFlash } from '../ui';
import { naamVan } from './gezin';

/** What the edit is based on: the family's version (for If-Match) and the plan as it was. */
interface Basis {
  revision: number;
  versie: number;
  plan: Plan | null;
}

/** Someone else's change, as the conflict shows it. */
interface Conflict {
  door: string[];
  verschillen: string[];
  nieuw: Basis;
  overgenomen: boolean;
}

const LEEG_PLAN = (vandaag: string): Plan => ({
  hulpvraag: '',
  doelen: [],
  afspraken: [],
  evaluatiedatum: '',
  toestemming: { delen: false, vastgelegdOp: vandaag, toelichting: null },
});

async function laadBasis(gezinId: string): Promise<{ gezin: Gezin; basis: Basis }> {
  const gezin = await get<Gezin>(`/gezinnen/${gezinId}`);
  const versie = gezin.plan ? await get<PlanVersie>(`/gezinnen/${gezinId}/plan`) : null;
  return {
    gezin,
    basis: { revision: gezin.revision, versie: versie?.versie ?? 0, plan: versie?.plan ?? null },
  };
}

/** What changed between two versions of the plan, in words. */
export function verschillen(oud: Plan | null, nieuw: Plan | null): string[] {
  if (!nieuw) return [];
  if (!oud) return ['Er is een eerste versie van het plan opgesteld.'];
  const uit: string[] = [];
  if (oud.hulpvraag !== nieuw.hulpvraag) uit.push('De hulpvraag is gewijzigd.');
  if (oud.evaluatiedatum !== nieuw.evaluatiedatum) {
    uit.push(`De evaluatiedatum is nu ${datum(nieuw.evaluatiedatum)}.`);
  }
  if (JSON.stringify(oud.toestemming) !== JSON.stringify(nieuw.toestemming)) {
    uit.push('De toestemming is gewijzigd.');
  }
  const per = <T,>(lijst: T[], id: (item: T) => string) =>
    new Map(lijst.map((item) => [id(item), item]));
  const oudeDoelen = per(oud.doelen, (d: Doel) => d.doelId);
  const nieuweDoelen = per(nieuw.doelen, (d: Doel) => d.doelId);
  for (const [id, doel] of nieuweDoelen) {
    const was = oudeDoelen.get(id);
    if (!was) uit.push(`Doel toegevoegd: "${doel.omschrijving}".`);
    else if (JSON.stringify(was) !== JSON.stringify(doel))
      uit.push(`Doel gewijzigd: "${doel.omschrijving}".`);
  }
  for (const [id, doel] of oudeDoelen) {
    if (!nieuweDoelen.has(id)) uit.push(`Doel verwijderd: "${doel.omschrijving}".`);
  }
  const oudeAfspraken = per(oud.afspraken, (a: Afspraak) => a.afspraakId);
  const nieuweAfspraken = per(nieuw.afspraken, (a: Afspraak) => a.afspraakId);
  for (const [id, afspraak] of nieuweAfspraken) {
    const was = oudeAfspraken.get(id);
    if (!was) uit.push(`Afspraak toegevoegd: "${afspraak.wat}".`);
    else if (was.status !== afspraak.status) {
      uit.push(
        `Afspraak "${afspraak.wat}" is nu ${label(AFSPRAAK_STATUS, afspraak.status).toLowerCase()}.`,
      );
    } else if (JSON.stringify(was) !== JSON.stringify(afspraak)) {
      uit.push(`Afspraak gewijzigd: "${afspraak.wat}".`);
    }
  }
  for (const [id, afspraak] of oudeAfspraken) {
    if (!nieuweAfspraken.has(id)) uit.push(`Afspraak verwijderd: "${afspraak.wat}".`);
  }
  return uit;
}

function volgendId(prefix: string, ids: string[]): string {
  const nummers = ids.map((id) => Number(/-(\d+)$/.exec(id)?.[1] ?? 0));
  return `${prefix}-${Math.max(0, ...nummers) + 1}`;
}

export function PlanPage(props: { gezinId: string }) {
  const { gezinId } = props;
  const [gezin, setGezin] = useState<Gezin | null>(null);
  const [basis, setBasis] = useState<Basis | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<unknown>(null);
  const [redenFout, setRedenFout] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [bezig, setBezig] = useState(false);

  useEffect(() => {
    void laadBasis(gezinId).then(
      ({ gezin: g, basis: b }) => {
        setGezin(g);
        setBasis(b);
        setPlan(b.plan ?? LEEG_PLAN(new Date().toISOString().slice(0, 10)));
      },
      (error: unknown) => setFout(error),
    );
  }, [gezinId]);

  if (!gezin || !basis || !plan) {
    return fout ? (
      <Page title="Plan bewerken">
        <ErrorMessage error={fout} />
      </Page>
    ) : (
      <Loading />
    );
  }

  const wijzig = (update: Partial<Plan>) => setPlan({ ...plan, ...update });
  /** After adding a row, the keyboard goes on in it (once it is drawn). */
  const focusOp = (id: string) => setTimeout(() => document.getElementById(id)?.focus());
  const wijzigDoel = (i: number, update: Partial<Doel>) =>
    wijzig({ doelen: plan.doelen.map((d, j) => (j === i ? { ...d, ...update } : d)) });
  const wijzigAfspraak = (i: number, update: Partial<Afspraak>) =>
    wijzig({ afspraken: plan.afspraken.map((a, j) => (j === i ? { ...a, ...update } : a)) });

  async function meldConflict(): Promise<void> {
    const [{ basis: nieuw }, historie, lijst] = await Promise.all([
      laadBasis(gezinId),
      get<{ contactpersonen: Contactpersoon[] }>(`/gezinnen/${gezinId}/contactpersonen`),
      get<{ versies: Omit<PlanVersie, 'plan'>[] }>(`/gezinnen/${gezinId}/plan/versies`),
    ]);
    const namen = new Map(historie.contactpersonen.map((c) => [c.userId, c.naam]));
    const door = lijst.versies
      .filter((v) => v.versie > basis!.versie)
      .map(
        (v) =>
          `${namen.get(v.door.userId) ?? v.door.userId} heeft op ${moment(v.vastgelegdOp)} versie ${v.versie} vastgelegd${v.reden ? `: "${v.reden}"` : ''}.`,
      );
    setConflict({
      door:
        door.length > 0
          ? door
          : ['Iemand heeft intussen iets anders aan het gezin gewijzigd (niet het plan zelf).'],
      verschillen: verschillen(basis!.plan, nieuw.plan),
      nieuw,
      overgenomen: false,
    });
  }

  async function opslaan(event: Event) {
    event.preventDefault();
    setFout(null);
    setRedenFout(null);
    if (basis!.versie > 0 && !reden.trim()) {
      setRedenFout('Geef een reden voor deze nieuwe versie.');
      document.getElementById('reden')?.focus();
      return;
    }
    setBezig(true);
    try {
      const body = {
        hulpvraag: plan!.hulpvraag,
        doelen: plan!.doelen.map((d) => ({ ...d, persoonId: d.persoonId || null })),
        afspraken: plan!.afspraken.map((a) => ({ ...a, doelId: a.doelId || null })),
        evaluatiedatum: plan!.evaluatiedatum,
        toestemming: {
          delen: plan!.toestemming.delen,
          vastgelegdOp: plan!.toestemming.vastgelegdOp,
          ...(plan!.toestemming.toelichting ? { toelichting: plan!.toestemming.toelichting } : {}),
        },
        ...(reden.trim() ? { reden: reden.trim() } : {}),
      };
      await send('PUT', `/gezinnen/${gezinId}/plan`, body, { ifMatch: `"${basis!.revision}"` });
      setFlash(`Het plan is opgeslagen (versie ${basis!.versie + 1}).`);
      navigate(`/gezinnen/${gezinId}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        await meldConflict().catch((e: unknown) => setFout(e));
      } else {
        setFout(error);
      }
    } finally {
      setBezig(false);
    }
  }

  function overnemen() {
    setBasis(conflict!.nieuw);
    setConflict({ ...conflict!, overgenomen: true });
    document.getElementById('hulpvraag')?.focus();
  }

  function weggooien() {
    setBasis(conflict!.nieuw);
    setPlan(conflict!.nieuw.plan ?? plan);
    setReden('');
    setConflict(null);
    document.getElementById('hulpvraag')?.focus();
  }

  const leden = gezin.leden;
  return (
    <Page
      title={`Plan van gezin ${gezin.naam} bewerken`}
      lead={
        <p class="lead">
          {basis.versie > 0
            ? `U bewerkt versie ${basis.versie}. Opslaan maakt versie ${basis.versie + 1}.`
            : 'U stelt de eerste versie van het plan op.'}{' '}
          <Link href={`/gezinnen/${gezinId}`}>Terug naar het gezin</Link>
        </p>
      }
    >
      {conflict && (
        <div role="alert" class="alert alert-warning conflict" aria-labelledby="conflict-titel">
          <h2 id="conflict-titel">
            {conflict.overgenomen
              ? 'U werkt nu verder op de nieuwe versie'
              : 'Het plan is intussen door iemand anders gewijzigd'}
          </h2>
          <ul>
            {conflict.door.map((regel) => (
              <li>{regel}</li>
            ))}
          </ul>
          {conflict.verschillen.length > 0 && (
            <>
              <p>Wat er in die versie anders is dan in de versie waarmee u begon:</p>
              <ul>
                {conflict.verschillen.map((regel) => (
                  <li>{regel}</li>
                ))}
              </ul>
            </>
          )}
          {conflict.overgenomen ? (
            <p>
              Uw tekst staat nog in het formulier. Neem de wijzigingen hierboven over waar nodig en
              sla opnieuw op.
            </p>
          ) : (
            <>
              <p>
                Uw wijzigingen zijn niet opgeslagen, maar ook niet verloren: ze staan nog hieronder.
              </p>
              <div class="actions">
                <button type="button" onClick={overnemen}>
                  Nieuwe versie laden en mijn tekst houden
                </button>
                <button type="button" class="secondary" onClick={weggooien}>
                  Mijn wijzigingen weggooien
                </button>
              </div>
            </>
          )}
        </div>
      )}
      <ErrorMessage error={fout} />
      <form onSubmit={(e) => void opslaan(e)} noValidate>
        <Field id="hulpvraag" label="Hulpvraag van het gezin" hint="In de woorden van het gezin.">
          <textarea
            id="hulpvraag"
            aria-describedby="hulpvraag-hint"
            rows={3}
            required
            value={plan.hulpvraag}
            onInput={(e) => wijzig({ hulpvraag: e.currentTarget.value })}
          />
        </Field>

        <fieldset>
          <legend>Doelen per gezinslid en leefgebied</legend>
          {plan.doelen.map((doel, i) => (
            <fieldset class="row-group">
              <legend>Doel {i + 1}</legend>
              <div class="grid-3">
                <Field id={`doel-${i}-persoon`} label="Voor wie">
                  <select
                    id={`doel-${i}-persoon`}
                    value={doel.persoonId ?? ''}
                    onChange={(e) => wijzigDoel(i, { persoonId: e.currentTarget.value || null })}
                  >
                    <option value="">Het hele gezin</option>
                    {leden.map((lid) => (
                      <option value={lid.persoonId}>{naamVan(lid)}</option>
                    ))}
                  </select>
                </Field>
                <Field id={`doel-${i}-leefgebied`} label="Leefgebied">
                  <select
                    id={`doel-${i}-leefgebied`}
                    value={doel.leefgebied}
                    onChange={(e) =>
                      wijzigDoel(i, { leefgebied: e.currentTarget.value as Doel['leefgebied'] })
                    }
                  >
                    {LEEFGEBIEDEN.map((code) => (
                      <option value={code}>{LEEFGEBIED[code]}</option>
                    ))}
                  </select>
                </Field>
                <Field id={`doel-${i}-omschrijving`} label="Doel">
                  <input
                    id={`doel-${i}-omschrijving`}
                    type="text"
                    value={doel.omschrijving}
                    onInput={(e) => wijzigDoel(i, { omschrijving: e.currentTarget.value })}
                  />
                </Field>
              </div>
              <button
                type="button"
                class="link-button"
                onClick={() =>
                  wijzig({
                    doelen: plan.doelen.filter((_, j) => j !== i),
                    afspraken: plan.afspraken.map((a) =>
                      a.doelId === doel.doelId ? { ...a, doelId: null } : a,
                    ),
                  })
                }
              >
                Doel {i + 1} verwijderen
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            class="secondary"
            onClick={() => {
              wijzig({
                doelen: [
                  ...plan.doelen,
                  {
                    doelId: volgendId(
                      'd',
                      plan.doelen.map((d) => d.doelId),
                    ),
                    leefgebied: 'opvoeding',
                    persoonId: null,
                    omschrijving: '',
                  },
                ],
              });
              focusOp(`doel-${plan.doelen.length}-persoon`);
            }}
          >
            Doel toevoegen
          </button>
        </fieldset>

        <fieldset>
          <legend>Afspraken: wie doet wat wanneer</legend>
          {plan.afspraken.map((afspraak, i) => (
            <fieldset class="row-group">
              <legend>Afspraak {i + 1}</legend>
              <div class="grid-3">
                <Field id={`afspraak-${i}-wie`} label="Wie">
                  <input
                    id={`afspraak-${i}-wie`}
                    type="text"
                    value={afspraak.wie}
                    onInput={(e) => wijzigAfspraak(i, { wie: e.currentTarget.value })}
                  />
                </Field>
                <Field id={`afspraak-${i}-wat`} label="Wat">
                  <input
                    id={`afspraak-${i}-wat`}
                    type="text"
                    value={afspraak.wat}
                    onInput={(e) => wijzigAfspraak(i, { wat: e.currentTarget.value })}
                  />
                </Field>
                <Field id={`afspraak-${i}-uiterlijk`} label="Uiterlijk">
                  <input
                    id={`afspraak-${i}-uiterlijk`}
                    type="date"
                    value={afspraak.uiterlijk}
                    onInput={(e) => wijzigAfspraak(i, { uiterlijk: e.currentTarget.value })}
                  />
                </Field>
                <Field id={`afspraak-${i}-status`} label="Status">
                  <select
                    id={`afspraak-${i}-status`}
                    value={afspraak.status}
                    onChange={(e) =>
                      wijzigAfspraak(i, { status: e.currentTarget.value as Afspraak['status'] })
                    }
                  >
                    {AFSPRAAK_STATUSSEN.map((code) => (
                      <option value={code}>{AFSPRAAK_STATUS[code]}</option>
                    ))}
                  </select>
                </Field>
                <Field id={`afspraak-${i}-doel`} label="Bij doel">
                  <select
                    id={`afspraak-${i}-doel`}
                    value={afspraak.doelId ?? ''}
                    onChange={(e) => wijzigAfspraak(i, { doelId: e.currentTarget.value || null })}
                  >
                    <option value="">Geen</option>
                    {plan.doelen.map((doel, j) => (
                      <option value={doel.doelId}>
                        Doel {j + 1}: {doel.omschrijving}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
              <button
                type="button"
                class="link-button"
                onClick={() => wijzig({ afspraken: plan.afspraken.filter((_, j) => j !== i) })}
              >
                Afspraak {i + 1} verwijderen
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            class="secondary"
            onClick={() => {
              wijzig({
                afspraken: [
                  ...plan.afspraken,
                  {
                    afspraakId: volgendId(
                      'a',
                      plan.afspraken.map((a) => a.afspraakId),
                    ),
                    wie: '',
                    wat: '',
                    uiterlijk: '',
                    status: 'open',
                    doelId: null,
                  },
                ],
              });
              focusOp(`afspraak-${plan.afspraken.length}-wie`);
            }}
          >
            Afspraak toevoegen
          </button>
        </fieldset>

        <div class="grid-3">
          <Field id="evaluatiedatum" label="Evaluatiedatum">
            <input
              id="evaluatiedatum"
              type="date"
              required
              value={plan.evaluatiedatum}
              onInput={(e) => wijzig({ evaluatiedatum: e.currentTarget.value })}
            />
          </Field>
        </div>

        <fieldset>
          <legend>Toestemming van het gezin</legend>
          <div class="checkbox">
            <input
              id="toestemming-delen"
              type="checkbox"
              checked={plan.toestemming.delen}
              onChange={(e) =>
                wijzig({ toestemming: { ...plan.toestemming, delen: e.currentTarget.checked } })
              }
            />
            <label for="toestemming-delen">
              Het gezin geeft toestemming om het plan te delen met betrokkenen
            </label>
          </div>
          <div class="grid-3">
            <Field id="toestemming-datum" label="Vastgelegd op">
              <input
                id="toestemming-datum"
                type="date"
                value={plan.toestemming.vastgelegdOp}
                onInput={(e) =>
                  wijzig({
                    toestemming: { ...plan.toestemming, vastgelegdOp: e.currentTarget.value },
                  })
                }
              />
            </Field>
            <Field id="toestemming-toelichting" label="Toelichting (niet verplicht)">
              <input
                id="toestemming-toelichting"
                type="text"
                value={plan.toestemming.toelichting ?? ''}
                onInput={(e) =>
                  wijzig({
                    toestemming: {
                      ...plan.toestemming,
                      toelichting: e.currentTarget.value || null,
                    },
                  })
                }
              />
            </Field>
          </div>
        </fieldset>

        {basis.versie > 0 && (
          <Field
            id="reden"
            label="Reden van deze wijziging"
            hint="Verplicht voor elke nieuwe versie; het gezin leest hem terug in de tijdlijn."
            error={redenFout}
          >
            <input
              id="reden"
              type="text"
              required
              aria-invalid={redenFout ? true : undefined}
              aria-describedby={`reden-hint${redenFout ? ' reden-error' : ''}`}
              value={reden}
              onInput={(e) => setReden(e.currentTarget.value)}
            />
          </Field>
        )}
        <div class="actions">
          <button type="submit" disabled={bezig}>
            {bezig ? 'Bezig met opslaan…' : 'Plan opslaan'}
          </button>
          <Link href={`/gezinnen/${gezinId}`} class="button secondary">
            Annuleren
          </Link>
        </div>
      </form>
    </Page>
  );
}
