import { STOPLICHT_KLEUREN, type StoplichtKleur } from '@app/domain/programma/programma.events';

/**
 * The stoplight of the programme: a colour is never alone. Each badge has its word (Groen,
 * Oranje, Rood) and a shape in its lamp (a check, an exclamation mark, a cross), so it reads in
 * black and white and to a screen reader; the colours are dark enough for text on their tint.
 */
export { STOPLICHT_KLEUREN };

export const STOPLICHT: Record<StoplichtKleur, string> = {
  groen: 'Groen',
  oranje: 'Oranje',
  rood: 'Rood',
};

const TEKEN: Record<StoplichtKleur, string> = { groen: '✓', oranje: '!', rood: '✕' };

/** One colour as a badge: its lamp (with a shape) and its word, and optionally a count. */
export function StoplichtBadge(props: { kleur: StoplichtKleur | null; aantal?: number }) {
  const kleur = props.kleur;
  const woord = kleur ? STOPLICHT[kleur] : 'Nog geen status';
  return (
    <span class={`stoplicht stoplicht-${kleur ?? 'geen'}`}>
      <span class="stoplicht-lamp" aria-hidden="true">
        {kleur ? TEKEN[kleur] : '–'}
      </span>
      {props.aantal === undefined
        ? woord
        : `${props.aantal} ${kleur ? woord.toLowerCase() : 'zonder status'}`}
    </span>
  );
}

export interface StoplichtTelling {
  acties: number;
  groen: number;
  oranje: number;
  rood: number;
  zonderStatus: number;
}

/**
 * How many actions are at each colour: a bar of the shares (decoration: the badges beside it say
 * the same in words and numbers).
 */
export function StoplichtSamenvatting(props: { telling: StoplichtTelling }) {
  const t = props.telling;
  const delen: [StoplichtKleur | null, number][] = [
    ['groen', t.groen],
    ['oranje', t.oranje],
    ['rood', t.rood],
    [null, t.zonderStatus],
  ];
  return (
    <div class="stoplicht-samenvatting">
      <div class="stoplicht-balk" aria-hidden="true">
        {delen.map(([kleur, aantal]) =>
          aantal > 0 ? (
            <span
              class={`stoplicht-deel stoplicht-${kleur ?? 'geen'}`}
              style={{ flexGrow: aantal }}
            />
          ) : null,
        )}
      </div>
      <ul class="stoplicht-badges">
        {delen.map(([kleur, aantal]) => (
          <li>
            <StoplichtBadge kleur={kleur} aantal={aantal} />
          </li>
        ))}
      </ul>
    </div>
  );
}
