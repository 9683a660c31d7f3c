import { Progress } from '@backstage/core-components';
import { ComponentType, Suspense, lazy } from 'react';
import { ShepherdPageDefinition } from '../../pages';

const lazyComponents = new Map<string, ComponentType>();

/** One lazy component per page, made once, so re-renders do not load the page again. */
function lazyComponentOf(page: ShepherdPageDefinition): ComponentType {
  let component = lazyComponents.get(page.id);
  if (!component) {
    component = lazy(() =>
      page.loader().then(element => ({ default: () => element })),
    );
    lazyComponents.set(page.id, component);
  }
  return component;
}

/** A registered page, loaded when first shown. */
export function LazyPage(props: { page: ShepherdPageDefinition }) {
  const Component = lazyComponentOf(props.page);
  return (
    <Suspense fallback={<Progress />}>
      <Component />
    </Suspense>
  );
}
