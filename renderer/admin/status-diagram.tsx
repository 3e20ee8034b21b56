import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { type DiagramEdge, diagramMetrics, layoutStatusDiagram } from './status-diagram-layout';
import { parseStatusGraph } from './status-graph';

const m = diagramMetrics;

/**
 * The workflow drawn from the API's Mermaid text: states as boxes in rows by distance from the
 * start (final states with a double border), arrows labelled with the event and who may send
 * it. The same transitions follow as a table, for screen readers and for reading closely.
 */
export function StatusDiagram({ mermaid, id }: { mermaid: string; id: string }) {
  const { t } = useI18n();
  const graph = useMemo(() => parseStatusGraph(mermaid), [mermaid]);
  const layout = useMemo(() => layoutStatusDiagram(graph), [graph]);
  const labels = new Map(graph.states.map((state) => [state.id, state.label]));
  const marker = `${id}-arrow`;
  return (
    <figure className="status-diagram" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{t('admin.diagram.caption')}</figcaption>
      <div className="status-diagram-canvas">
        <svg
          role="img"
          aria-label={t('admin.diagram.summary', {
            states: graph.states.length,
            transitions: graph.transitions.length,
          })}
          viewBox={`0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`}
          width={Math.ceil(layout.width)}
          height={Math.ceil(layout.height)}
        >
          <defs>
            <marker
              id={marker}
              viewBox="0 0 10 10"
              refX="10"
              refY="5"
              markerWidth="8"
              markerHeight="8"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className="diagram-arrowhead" />
            </marker>
          </defs>
          {layout.start && (
            <g className="diagram-start">
              <circle cx={layout.start.dot.x} cy={layout.start.dot.y} r={6} />
              <line
                x1={layout.start.dot.x}
                y1={layout.start.dot.y + 6}
                x2={layout.start.into.x}
                y2={layout.start.into.y}
                markerEnd={`url(#${marker})`}
              />
            </g>
          )}
          {layout.edges.map((edge, index) => (
            <Arrow key={index} edge={edge} marker={marker} />
          ))}
          {layout.nodes.map((node) => (
            <g
              key={node.id}
              className={node.final ? 'diagram-state diagram-final' : 'diagram-state'}
            >
              <rect x={node.x} y={node.y} width={node.width} height={node.height} rx={8} />
              {node.final && (
                <rect
                  x={node.x + 3}
                  y={node.y + 3}
                  width={node.width - 6}
                  height={node.height - 6}
                  rx={6}
                />
              )}
              <text x={node.x + node.width / 2} y={node.y + node.height / 2} fontSize={m.fontSize}>
                {node.label}
              </text>
            </g>
          ))}
          {layout.edges.map((edge, index) => (
            <g key={index} className="diagram-label">
              <rect {...edge.labelBox} rx={3} />
              <text
                x={edge.labelBox.x + edge.labelBox.width / 2}
                y={edge.labelBox.y + edge.labelBox.height / 2}
                fontSize={m.labelFontSize}
              >
                {edge.label}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <details className="status-diagram-text">
        <summary>{t('admin.diagram.asTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.diagram.from')}</th>
              <th scope="col">{t('admin.diagram.event')}</th>
              <th scope="col">{t('admin.diagram.senders')}</th>
              <th scope="col">{t('admin.diagram.to')}</th>
            </tr>
          </thead>
          <tbody>
            {graph.transitions.map((transition, index) => (
              <tr key={index}>
                <td>{labels.get(transition.from) ?? transition.from}</td>
                <td>
                  {transition.trigger}
                  {transition.guard && ` [${transition.guard}]`}
                </td>
                <td>{transition.senders}</td>
                <td>{labels.get(transition.to) ?? transition.to}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function Arrow({ edge, marker }: { edge: DiagramEdge; marker: string }) {
  const points = edge.points.map((point) => `${point.x},${point.y}`).join(' ');
  return <polyline className="diagram-arrow" points={points} markerEnd={`url(#${marker})`} />;
}
