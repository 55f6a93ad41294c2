import { connectorsForWallets, type WalletList } from "@rainbow-me/rainbowkit";
import { injectedWallet, metaMaskWallet } from "@rainbow-me/rainbowkit/wallets";
import { createConnector, type Config, type Connector } from "wagmi";
import { injected } from "wagmi/connectors";

/**
 * MetaMask as RainbowKit describes it (name, icon, download links), connected through the provider the
 * extension injects. RainbowKit's own entry connects through the MetaMask SDK, which reports to MetaMask's
 * servers, or through WalletConnect's relay when the extension is missing; nothing here calls out.
 */
const metaMaskInjectedWallet: WalletList[number]["wallets"][number] = (parameters) => ({
  ...metaMaskWallet(parameters),
  qrCode: undefined,
  mobile: undefined,
  createConnector: (walletDetails) =>
    createConnector((config) => ({ ...injected({ target: "metaMask" })(config), ...walletDetails })),
});

const registered = new WeakMap<Config, Connector[]>();

/**
 * Adds RainbowKit's wallet list (MetaMask, then any injected browser wallet) to the config's connectors, once per
 * config, and returns those connectors. Wallets that announce themselves through EIP-6963 are known from the first
 * render; these join when the wallet modal loads, so RainbowKit's wallet code stays out of every page's first load.
 */
export function registerWalletList(config: Config): Connector[] {
  const known = registered.get(config);
  if (known) return known;
  // wagmi has no public way to add a connector to an existing config: createConfig takes them up front (that would put
  // RainbowKit's wallet code in the first load), connect and reconnect set up a CreateConnectorFn without listing it,
  // and RainbowKit's modal lists only the config's connectors. So this does what wagmi's connect action does, through
  // `_internal`. See https://github.com/wevm/wagmi/issues/2280 and https://github.com/rainbow-me/rainbowkit/pull/1350.
  const { connectors } = config._internal;
  const created = connectorsForWallets(
    [{ groupName: "Browser wallets", wallets: [metaMaskInjectedWallet, injectedWallet] }],
    { appName: "Plenum", projectId: "none" },
  ).map(connectors.setup);
  connectors.setState((current) => [...current, ...created]);
  registered.set(config, created);
  return created;
}
