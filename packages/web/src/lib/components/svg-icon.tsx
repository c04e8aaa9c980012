import type { AbstractNode, IconDefinition } from '@ant-design/icons-svg/es/types';
import { createElement, type ReactNode } from 'react';

function draw(node: AbstractNode, key?: number): ReactNode {
  return createElement(
    node.tag,
    { ...node.attrs, key },
    // Some icons carry an empty <style>: drawn, it is an inline style the page's policy refuses.
    node.children?.filter((child) => child.tag !== 'style').map((child, i) => draw(child, i)),
  );
}

/** An antd icon drawn from its SVG definition, for screens without antd's icon components. */
export function SvgIcon({ icon, className }: { icon: IconDefinition; className?: string }) {
  const tree = typeof icon.icon === 'function' ? icon.icon('currentColor', '#e6f4ff') : icon.icon;
  return (
    <span className={className ? `fq-svg-icon ${className}` : 'fq-svg-icon'} aria-hidden="true">
      {draw({ ...tree, attrs: { ...tree.attrs, width: '1em', height: '1em', fill: 'currentColor' } })}
    </span>
  );
}
