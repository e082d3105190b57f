/** How the server reaches WeChat: the real endpoints, or the fake server on loopback in development. */
export interface WechatConfig {
  appid: string;
  secret: string;
  /** Where the browser is sent to authorize (`https://open.weixin.qq.com`). */
  oauthBase: string;
  /** Where the server exchanges codes and sends messages (`https://api.weixin.qq.com`). */
  apiBase: string;
}
