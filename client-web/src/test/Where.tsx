import { useLocation } from 'react-router-dom';

/** Shows the router's current address, for tests that follow a navigation. */
export function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}
