import { makeStyles } from '@material-ui/core';
import { LogoIcon } from './LogoIcon';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: 10,
    color: '#fff',
    whiteSpace: 'nowrap',
  },
  name: {
    fontSize: 17,
    fontWeight: 700,
    lineHeight: 1.1,
  },
});

export const LogoFull = () => {
  const classes = useStyles();
  return (
    <div className={classes.root}>
      <LogoIcon />
      <span className={classes.name}>
        KubeVirt
        <br />
        Shepherd
      </span>
    </div>
  );
};
