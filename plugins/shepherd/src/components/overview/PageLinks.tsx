import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ShepherdPageDefinition } from '../../pages';

function PageLink(props: { page: ShepherdPageDefinition }) {
  const { page } = props;
  const link = useRouteRef(page.routeRef);
  return (
    <Box component="li" mb={2}>
      <Typography variant="subtitle1" component="div">
        <Link to={link()}>{page.title}</Link>
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {page.description}
      </Typography>
    </Box>
  );
}

/** The pages of the Shepherd page with what each is for, as registered in src/pages.tsx. */
export function PageLinks(props: {
  pages: ReadonlyArray<ShepherdPageDefinition>;
}) {
  return (
    <Box
      component="ul"
      aria-label="Shepherd pages"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
    >
      {props.pages.map(page => (
        <PageLink key={page.id} page={page} />
      ))}
    </Box>
  );
}
