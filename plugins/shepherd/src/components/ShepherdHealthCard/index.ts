export { ShepherdHealthCard } from './ShepherdHealthCard';
