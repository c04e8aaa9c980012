import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

type Module<P> = { default: ComponentType<P> };

/**
 * A component drawn with antd, loaded on demand together with antd's providers (theme, locale,
 * message/modal context), which wrap it: the shell and the home page's first screen draw without
 * antd, so antd arrives only with the parts that use it. Render it inside a Suspense.
 */
export function lazyWithAntd<P extends object>(
  load: () => Promise<Module<P>>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => {
    const [{ AntdShell }, { default: Component }] = await Promise.all([import('./antd-shell'), load()]);
    // biome-ignore lint/correctness/noComponentHookFactories: made once, when React.lazy runs this factory (a single time per lazyWithAntd call).
    function WithAntd(props: P) {
      return (
        <AntdShell>
          <Component {...props} />
        </AntdShell>
      );
    }
    return { default: WithAntd };
  });
}
