import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Charts with Observable Plot (docs/adr/0013-web-app-and-charts.md): SVG with a name and a
 * description for screen readers; the table beside every chart holds the same numbers, so the
 * chart is never the only way to read them.
 */
export const KLEUREN = ['#1f4e79', '#b35900', '#2e7d32', '#6a1b9a', '#9e1c1c', '#00695c'];
export const ONDERDRUKT_KLEUR = '#595959';

export function PlotFigure(props: {
  options: Plot.PlotOptions;
  naam: string;
  beschrijving: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = Plot.plot({
      ...props.options,
      ariaLabel: props.naam,
      ariaDescription: props.beschrijving,
      style: { fontSize: '13px', color: '#1a1a1a', background: 'transparent', overflow: 'visible' },
    });
    ref.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [props.options, props.naam, props.beschrijving]);
  return <div ref={ref} class="plot" />;
}

export { Plot };
