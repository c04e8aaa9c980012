import type { ReactNode } from 'react';

/** The home page's title with a note on the right, drawn like lib's PageHeader without antd. */
export function HomeHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="fq-home-header">
      <h1>{title}</h1>
      {extra ? <div className="fq-home-header-extra">{extra}</div> : null}
    </div>
  );
}
