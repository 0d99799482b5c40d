import { get } from '../api';
import type { Ik } from '../auth';
import { AFSPRAAK_STATUS, LEEFGEBIED, ROL_LID, datum, label, moment } from '../labels';
import type { Contactpersoon, Gezin, Lid, Plan, PlanVersie, TijdlijnItem } from '../types';
import { DataTable, ErrorMessage, Link, Loading, Page, Show, useLoad } from '../ui';
import { OordelenSectie, VerhalenSectie } from './verhalen';

export const naamVan = (lid: Lid) => `${lid.voornaam} ${lid.achternaam}`;

/** Everything about one family on one page: members, network, contact person, plan, timeline. */
export function GezinPage(props: { gezinId: string; ik: Ik }) {
  const { gezinId, ik } = props;
  const gezin = useLoad(() => get<Gezin>(`/gezinnen/${gezinId}`), [gezinId]);
  if (gezin.error) {
    return (
      <Page title="Gezin">
        <ErrorMessage error={gezin.error} />
      </Page>
    );
  }
  if (!gezin.data) return <Loading />;
  const g = gezin.data;
  return (
    <Page
      title={`Gezin ${g.naam}`}
      lead={
        <p class="lead">
          {g.wijk ? `Wijk ${g.wijk}. ` : ''}
          {g.toegang === 'schrijven'
            ? 'U bent de contactpersoon van dit gezin.'
            : 'U kunt dit gezin inzien, maar niet meer wijzigen.'}
        </p>
      }
    >
      <nav aria-label="Op deze pagina" class="toc">
        <ul>
          <li>
            <a href="#leden">Gezinsleden</a>
          </li>
          <li>
            <a href="#netwerk">Netwerk</a>
          </li>
          <li>
            <a href="#contactpersoon">Contactpersoon</a>
          </li>
          <li>
            <a href="#plan">Gezinsplan</a>
          </li>
          <li>
            <a href="#verhalen">Verhalen</a>
          </li>
          <li>
            <a href="#oordelen">Oordelen</a>
          </li>
          <li>
            <a href="#tijdlijn">Tijdlijn</a>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="leden">
        <h2 id="leden">Gezinsleden</h2>
        <DataTable
          caption="Gezinsleden"
          captionHidden
          rows={g.leden}
          columns={[
            { header: 'Naam', cell: naamVan },
            { header: 'Rol', cell: (lid) => label(ROL_LID, lid.rol) },
            { header: 'Geboortedatum', cell: (lid) => datum(lid.geboortedatum) || 'Onbekend' },
            { header: 'Hoort bij het gezin sinds', cell: (lid) => datum(lid.vanaf) },
            {
              header: 'Zorg',
              cell: (lid) => (
                <Link href={`/gezinnen/${gezinId}/leden/${lid.persoonId}/zorg`}>
                  Zorg van {lid.voornaam}
                </Link>
              ),
            },
          ]}
        />
      </section>
      <section aria-labelledby="netwerk">
        <h2 id="netwerk">Netwerk</h2>
        <DataTable
          caption="Netwerk van het gezin"
          captionHidden
          rows={g.netwerk}
          empty="Er is nog niemand uit het netwerk vastgelegd."
          columns={[
            { header: 'Naam', cell: (b) => b.naam },
            { header: 'Rol of relatie', cell: (b) => b.rol },
            {
              header: 'Soort',
              cell: (b) => (b.soort === 'formeel' ? 'Professional' : 'Informeel'),
            },
            { header: 'Organisatie', cell: (b) => b.organisatie ?? '' },
            {
              header: 'Betrokken',
              cell: (b) => `${datum(b.vanaf)}${b.tot ? ` tot ${datum(b.tot)}` : ''}`,
            },
          ]}
        />
      </section>
      <ContactpersoonSectie gezinId={gezinId} huidige={g.contactpersoon} />
      <PlanSectie gezin={g} />
      <VerhalenSectie gezin={g} ik={ik} />
      <OordelenSectie gezin={g} ik={ik} />
      <TijdlijnSectie gezinId={gezinId} />
    </Page>
  );
}

function ContactpersoonSectie(props: { gezinId: string; huidige: Contactpersoon | null }) {
  const historie = useLoad(
    () => get<{ contactpersonen: Contactpersoon[] }>(`/gezinnen/${props.gezinId}/contactpersonen`),
    [props.gezinId],
  );
  const c = props.huidige;
  return (
    <section aria-labelledby="contactpersoon">
      <h2 id="contactpersoon">Contactpersoon</h2>
      <p>
        {c
          ? `${c.naam} (${c.organisatie}) is sinds ${datum(c.vanaf)} de contactpersoon.`
          : 'Dit gezin heeft nu geen contactpersoon.'}
      </p>
      <Show loaded={historie}>
        {({ contactpersonen }) => (
          <DataTable
            caption="Geschiedenis van de contactpersonen"
            rows={contactpersonen}
            columns={[
              { header: 'Naam', cell: (p) => p.naam },
              { header: 'Organisatie', cell: (p) => p.organisatie },
              { header: 'Van', cell: (p) => datum(p.vanaf) },
              { header: 'Tot', cell: (p) => (p.tot ? datum(p.tot) : 'Nu') },
              { header: 'Reden', cell: (p) => p.redenEinde ?? '' },
            ]}
          />
        )}
      </Show>
    </section>
  );
}

/** Goals grouped per member (the whole family first), then per life area. */
export function DoelenPerLid(props: { plan: Plan; leden: Lid[] }) {
  const groepen: { titel: string; persoonId: string | null }[] = [
    { titel: 'Het hele gezin', persoonId: null },
    ...props.leden.map((lid) => ({ titel: naamVan(lid), persoonId: lid.persoonId })),
  ];
  return (
    <>
      {groepen.map((groep) => {
        const doelen = props.plan.doelen.filter((doel) => doel.persoonId === groep.persoonId);
        if (doelen.length === 0) return null;
        return (
          <div class="goal-group">
            <h4>{groep.titel}</h4>
            <dl class="goals">
              {doelen.map((doel) => (
                <>
                  <dt>{label(LEEFGEBIED, doel.leefgebied)}</dt>
                  <dd>{doel.omschrijving}</dd>
                </>
              ))}
            </dl>
          </div>
        );
      })}
    </>
  );
}

function PlanSectie(props: { gezin: Gezin }) {
  const { gezin } = props;
  const plan = useLoad(
    async () => (gezin.plan ? get<PlanVersie>(`/gezinnen/${gezin.gezinId}/plan`) : null),
    [gezin.gezinId, gezin.plan?.versie],
  );
  const versies = useLoad(
    async () =>
      gezin.plan
        ? (
            await get<{ versies: Omit<PlanVersie, 'plan'>[] }>(
              `/gezinnen/${gezin.gezinId}/plan/versies`,
            )
          ).versies
        : [],
    [gezin.gezinId, gezin.plan?.versie],
  );
  return (
    <section aria-labelledby="plan">
      <h2 id="plan">Gezinsplan</h2>
      {gezin.toegang === 'schrijven' && (
        <p>
          <Link class="button" href={`/gezinnen/${gezin.gezinId}/plan`}>
            {gezin.plan ? 'Plan bewerken' : 'Plan opstellen'}
          </Link>
        </p>
      )}
      <Show loaded={plan}>
        {(versie) =>
          !versie ? (
            <p class="muted">Er is nog geen plan.</p>
          ) : (
            <>
              <p class="muted">
                Versie {versie.versie}, vastgelegd op {moment(versie.vastgelegdOp)}. Evaluatie op{' '}
                {datum(versie.plan.evaluatiedatum)}.{' '}
                {versie.plan.toestemming.delen
                  ? `Het gezin gaf op ${datum(versie.plan.toestemming.vastgelegdOp)} toestemming om het plan te delen.`
                  : 'Het gezin gaf geen toestemming om het plan te delen.'}
              </p>
              <h3>Hulpvraag</h3>
              <blockquote>{versie.plan.hulpvraag}</blockquote>
              <h3>Doelen per gezinslid en leefgebied</h3>
              {versie.plan.doelen.length === 0 ? (
                <p class="muted">Nog geen doelen.</p>
              ) : (
                <DoelenPerLid plan={versie.plan} leden={gezin.leden} />
              )}
              <h3>Afspraken</h3>
              <DataTable
                caption="Afspraken: wie doet wat wanneer"
                captionHidden
                rows={versie.plan.afspraken}
                empty="Nog geen afspraken."
                columns={[
                  { header: 'Wie', cell: (a) => a.wie },
                  { header: 'Wat', cell: (a) => a.wat },
                  { header: 'Uiterlijk', cell: (a) => datum(a.uiterlijk) },
                  { header: 'Status', cell: (a) => label(AFSPRAAK_STATUS, a.status) },
                  {
                    header: 'Bij doel',
                    cell: (a) =>
                      versie.plan.doelen.find((d) => d.doelId === a.doelId)?.omschrijving ?? '',
                  },
                ]}
              />
            </>
          )
        }
      </Show>
      <Show loaded={versies}>
        {(items) =>
          items.length > 0 && (
            <details>
              <summary>Alle versies van het plan ({items.length})</summary>
              <DataTable
                caption="Versies van het plan"
                rows={items}
                columns={[
                  { header: 'Versie', cell: (v) => v.versie, numeric: true },
                  { header: 'Vastgelegd', cell: (v) => moment(v.vastgelegdOp) },
                  { header: 'Door', cell: (v) => v.door.userId },
                  { header: 'Reden', cell: (v) => v.reden ?? 'Eerste versie' },
                ]}
              />
            </details>
          )
        }
      </Show>
    </section>
  );
}

function TijdlijnSectie(props: { gezinId: string }) {
  const tijdlijn = useLoad(
    () => get<{ items: TijdlijnItem[] }>(`/gezinnen/${props.gezinId}/tijdlijn`),
    [props.gezinId],
  );
  return (
    <section aria-labelledby="tijdlijn">
      <h2 id="tijdlijn">Tijdlijn</h2>
      <Show loaded={tijdlijn}>
        {({ items }) => (
          <ol class="timeline" reversed>
            {[...items].reverse().map((item) => (
              <li>
                <time dateTime={item.wanneer}>{moment(item.wanneer)}</time>
                <span class="tag">{item.soort}</span>
                <p>{item.wat}</p>
              </li>
            ))}
          </ol>
        )}
      </Show>
    </section>
  );
}
