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
    accessibleAsOneImage(chart);
    ref.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [props.options, props.naam, props.beschrijving]);
  return <div ref={ref} class="plot" />;
}

/**
 * Plot names every mark group (`<g aria-label="bar">`), which is not valid ARIA on a `g` without a
 * role, and says little. The chart becomes one image with a name and a description; the numbers
 * are in the table beside it.
 */
function accessibleAsOneImage(chart: Element): void {
  const svgs = chart instanceof SVGSVGElement ? [chart] : [...chart.querySelectorAll('svg')];
  for (const svg of svgs) {
    for (const element of svg.querySelectorAll('[aria-label], [aria-description]')) {
      element.removeAttribute('aria-label');
      element.removeAttribute('aria-description');
    }
    // The chart itself carries the name; a legend's colour swatches are decoration (their
    // labels are text beside them).
    if (svg.hasAttribute('aria-label')) svg.setAttribute('role', 'img');
    else svg.setAttribute('aria-hidden', 'true');
  }
}

export { Plot };
